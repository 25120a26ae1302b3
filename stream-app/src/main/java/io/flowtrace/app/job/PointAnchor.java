package io.flowtrace.app.job;

import java.util.Objects;

/**
 * A point on a frame: where a query placed it, or where it was last confidently seen. Tracking runs
 * from the anchor frame straight into the newest frame, skipping any frames between.
 *
 * @param pointId the caller's id of the point, unique per camera
 * @param sequence the anchor frame's sequence
 * @param x horizontal position in pixels of the anchor frame
 * @param y vertical position in pixels of the anchor frame
 */
public record PointAnchor(String pointId, long sequence, double x, double y) {

    public PointAnchor {
        Objects.requireNonNull(pointId, "pointId");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "point " + pointId + ": position must be finite, was (" + x + ", " + y + ")");
        }
    }
}
