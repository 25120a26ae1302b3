package io.flowtrace.task;

/**
 * Where query {@code id} is in frame {@code t} (pixel coordinates, integer = pixel centre, possibly
 * outside the frame) and whether it is visible there.
 */
public record TrackPoint(int id, int t, double x, double y, boolean visible) {

    public TrackPoint {
        if (t < 0) {
            throw new IllegalArgumentException("track " + id + ": t must be >= 0, was " + t);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "track "
                            + id
                            + " at t="
                            + t
                            + ": coordinates must be finite, were ("
                            + x
                            + ", "
                            + y
                            + ")");
        }
    }
}
