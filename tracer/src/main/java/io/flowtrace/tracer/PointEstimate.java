package io.flowtrace.tracer;

import java.util.List;

/**
 * Where a query point went in frame 2.
 *
 * @param position estimated position in frame-2 image pixels
 * @param visible false when the final divergence peak fell below the occlusion threshold
 * @param peak the final scale's divergence peak
 * @param passes model passes spent on this point (clean passes shared with other points count in
 *     full)
 * @param passEquivalents transformer tokens the model computed for this point, in {@link
 *     io.flowtrace.inference.ProbeCost#PASS_TOKENS} units; tokens shared with other points (a clean
 *     pass, a prefix) are split between them
 * @param steps one entry per scale, coarse to fine
 * @param cycleError how far, in last-zoom crop pixels, tracking the estimate back to frame 1 landed
 *     from the query; NaN when the cycle check is off
 */
public record PointEstimate(
        Point position,
        boolean visible,
        double peak,
        int passes,
        double passEquivalents,
        List<ScaleStep> steps,
        double cycleError) {

    public PointEstimate {
        steps = List.copyOf(steps);
    }
}
