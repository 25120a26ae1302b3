package io.flowtrace.task;

/**
 * A point to track: query {@code id} at pixel (x, y) of frame {@code t}, integer coordinates being
 * pixel centres.
 */
public record Query(int id, int t, double x, double y) {

    public Query {
        if (t < 0) {
            throw new IllegalArgumentException("query " + id + ": t must be >= 0, was " + t);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "query " + id + ": coordinates must be finite, were (" + x + ", " + y + ")");
        }
    }
}
