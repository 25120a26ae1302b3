package io.flowtrace.app.job;

import java.util.Objects;

/**
 * Where one point went in the later frame of a pair.
 *
 * @param anchor the point and the frame it was tracked from
 * @param x estimated horizontal position in pixels of the later frame
 * @param y estimated vertical position in pixels of the later frame
 * @param visible false when the divergence peak marked the point occluded
 * @param peak the final divergence peak
 * @param passes model passes spent on the point
 * @param cycleError forward-backward error in crop pixels; NaN when the recipe's cycle check is off
 */
public record PointResult(
        PointAnchor anchor,
        double x,
        double y,
        boolean visible,
        double peak,
        int passes,
        double cycleError) {

    public PointResult {
        Objects.requireNonNull(anchor, "anchor");
    }

    public String pointId() {
        return anchor.pointId();
    }
}
