package io.flowtrace.tracer;

/** A position in image pixels; integer coordinates are pixel centres. */
public record Point(double x, double y) {

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point must be finite, was (" + x + ", " + y + ")");
        }
    }
}
