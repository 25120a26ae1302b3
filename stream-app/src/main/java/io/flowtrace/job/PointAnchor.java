package io.flowtrace.job;

import io.flowtrace.tracer.MotionPrior;
import io.flowtrace.tracer.Point;
import java.util.Objects;

/**
 * A point on a frame: where a query placed it, or where it was last confidently seen. Tracking runs
 * from the anchor frame straight into the newest frame, skipping any frames between.
 *
 * @param pointId the caller's id of the point, unique per camera
 * @param sequence the anchor frame's sequence
 * @param x horizontal position in pixels of the anchor frame
 * @param y vertical position in pixels of the anchor frame
 * @param vx the point's motion per frame along x between its last two sightings; NaN when unknown
 * @param vy the same along y
 */
public record PointAnchor(String pointId, long sequence, double x, double y, double vx, double vy) {

    public PointAnchor {
        Objects.requireNonNull(pointId, "pointId");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "point " + pointId + ": position must be finite, was (" + x + ", " + y + ")");
        }
    }

    /** An anchor whose motion is not known (a query, or a point moved to a new numbering). */
    public PointAnchor(String pointId, long sequence, double x, double y) {
        this(pointId, sequence, x, y, Double.NaN, Double.NaN);
    }

    /** The anchor of this point seen at (x, y) on frame {@code to}, moving as it did since. */
    public PointAnchor seenAt(long to, double x, double y) {
        Point v =
                to > sequence
                        ? MotionPrior.velocity(
                                new Point(this.x, this.y), sequence, new Point(x, y), to)
                        : null; // a numbering restart: no motion across it
        return v == null
                ? new PointAnchor(pointId, to, x, y)
                : new PointAnchor(pointId, to, x, y, v.x(), v.y());
    }

    /**
     * Where the point should be on frame {@code target}, by {@link MotionPrior#prior}: moved on
     * from the anchor by its motion, when the anchor is the frame just before and the motion is
     * known; else null.
     */
    public double[] prior(long target) {
        if (target - sequence != 1 || !Double.isFinite(vx) || !Double.isFinite(vy)) {
            return null;
        }
        Point p = MotionPrior.prior(new Point(x, y), sequence, new Point(vx, vy), target);
        return new double[] {p.x(), p.y()};
    }
}
