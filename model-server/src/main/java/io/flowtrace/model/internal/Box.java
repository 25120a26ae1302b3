package io.flowtrace.model.internal;

/** An inclusive pixel rectangle. */
record Box(int x0, int y0, int x1, int y1) {

    boolean intersects(int ax0, int ay0, int ax1, int ay1) {
        return ax0 <= x1 && ax1 >= x0 && ay0 <= y1 && ay1 >= y0;
    }
}
