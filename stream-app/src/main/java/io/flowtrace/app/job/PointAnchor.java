package io.flowtrace.app.job;

import java.util.Objects;

/**
 * A query point and the frame it was placed on; tracking always runs from this anchor frame to the
 * newest frame, so errors do not accumulate from pair to pair.
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
