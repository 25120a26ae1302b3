package io.flowtrace.tracer;

/** Where, inside the arg-max cell of a divergence map, the estimate is placed. */
public enum ReadoutPosition {
    /** The cell's top-left pixel, as the paper's scripts read out. */
    TOP_LEFT,
    /** The cell's centre. */
    CENTER,
    /**
     * A sub-cell refinement: the value-weighted centroid of the 3x3 cells around the peak, after
     * subtracting the smallest of those nine values.
     */
    CENTROID
}
