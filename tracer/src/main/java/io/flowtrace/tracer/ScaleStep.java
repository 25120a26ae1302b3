package io.flowtrace.tracer;

/**
 * What one scale of KL-tracing saw for one point: the seed-averaged divergence map and where its
 * peak put the point.
 *
 * @param scale 0 for the full-frame pass, k for the k-th zoom
 * @param cropSide side (or width, for the squished full frame) of the crop window in image pixels
 * @param meanMap seed-averaged map, row-major {@code gridSize x gridSize}
 * @param gridSize side of the map
 * @param peak largest value of {@code meanMap}
 * @param estimate the point's estimated position in frame 2 after this scale, image pixels
 * @param cropEstimate the same estimate in frame-2 crop pixels
 */
public record ScaleStep(
        int scale,
        double cropSide,
        float[] meanMap,
        int gridSize,
        double peak,
        Point estimate,
        Point cropEstimate) {}
