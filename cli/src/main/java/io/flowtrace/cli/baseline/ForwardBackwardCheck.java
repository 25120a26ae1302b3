package io.flowtrace.cli.baseline;

import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.List;
import java.util.Locale;

/**
 * Visibility from a round trip: a point is visible when its forward estimate lies in the frame and
 * tracking that estimate back lands within {@code absolutePx + relative * |motion|} pixels of the
 * query, where |motion| is the length of the forward displacement.
 *
 * @param absolutePx the tolerance for a point that does not move, in image pixels
 * @param relative the tolerance's growth per pixel of motion
 */
record ForwardBackwardCheck(double absolutePx, double relative) {

    /**
     * 2 px plus 5% of the motion: above the round trips of well-tracked points (90th percentile
     * 0.2-0.3 px on the Sintel alley_1 pairs, 1.0-2.5 px on Middlebury Urban2, all visible), below
     * those of lost points (tens of px on Sintel market_5); the relative term lets the tolerance
     * grow with motion, as flow errors do. See {@code docs/evaluation.md}.
     */
    static final ForwardBackwardCheck DEFAULT = new ForwardBackwardCheck(2.0, 0.05);

    ForwardBackwardCheck {
        if (!(absolutePx >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException(
                    "tolerances must be >= 0, were " + absolutePx + " px and " + relative);
        }
    }

    /**
     * The estimate for {@code query} tracked to {@code forward} in a {@code width} x {@code height}
     * frame and back to {@code back}; either may be null when the method lost the point, which
     * makes it occluded.
     */
    PointEstimate judge(Point query, Point forward, Point back, int width, int height) {
        if (forward == null) {
            return estimate(query, false, Double.NaN);
        }
        double cycleError =
                back == null ? Double.NaN : Math.hypot(back.x() - query.x(), back.y() - query.y());
        double motion = Math.hypot(forward.x() - query.x(), forward.y() - query.y());
        boolean visible =
                inFrame(forward, width, height) && cycleError <= absolutePx + relative * motion;
        return estimate(forward, visible, cycleError);
    }

    /** Whether {@code p} lies on the frame, whose pixel centres are at integer coordinates. */
    static boolean inFrame(Point p, int width, int height) {
        return p.x() >= -0.5 && p.y() >= -0.5 && p.x() <= width - 0.5 && p.y() <= height - 0.5;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "visible when in frame and the forward-backward round trip is within %.1f px +"
                        + " %.0f%% of the motion",
                absolutePx,
                100 * relative);
    }

    private static PointEstimate estimate(Point position, boolean visible, double cycleError) {
        // No model: no divergence peak and no passes.
        return new PointEstimate(position, visible, Double.NaN, 0, 0, List.of(), cycleError);
    }
}
