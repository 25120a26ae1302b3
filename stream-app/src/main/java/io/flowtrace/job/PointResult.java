package io.flowtrace.job;

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
 * @param passEquivalents transformer tokens the model computed for the point, in pass-equivalents
 * @param cycleError forward-backward error in crop pixels; NaN when the recipe's cycle check is off
 * @param nextAnchor the frame and position the point is tracked from next: this frame's estimate
 *     when the point was confidently seen here and the re-anchoring rule moved it, else {@code
 *     anchor}
 */
public record PointResult(
        PointAnchor anchor,
        double x,
        double y,
        boolean visible,
        double peak,
        int passes,
        double passEquivalents,
        double cycleError,
        PointAnchor nextAnchor) {

    public PointResult {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(nextAnchor, "nextAnchor");
        if (!nextAnchor.pointId().equals(anchor.pointId())) {
            throw new IllegalArgumentException(
                    "point "
                            + anchor.pointId()
                            + ": next anchor belongs to point "
                            + nextAnchor.pointId());
        }
    }

    /** A result whose point stays on its anchor. */
    public PointResult(
            PointAnchor anchor,
            double x,
            double y,
            boolean visible,
            double peak,
            int passes,
            double passEquivalents,
            double cycleError) {
        this(anchor, x, y, visible, peak, passes, passEquivalents, cycleError, anchor);
    }

    /** This result, with the point tracked from {@code next} from now on. */
    public PointResult withNextAnchor(PointAnchor next) {
        return new PointResult(
                anchor, x, y, visible, peak, passes, passEquivalents, cycleError, next);
    }

    public String pointId() {
        return anchor.pointId();
    }
}
