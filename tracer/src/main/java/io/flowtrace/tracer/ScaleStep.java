package io.flowtrace.tracer;

/**
 * What one scale of KL-tracing saw for one point: the seed-averaged divergence map, the frame-2
 * window it covers and where its peak put the point.
 *
 * <p>The window is in image coordinates, where integer values are pixel centres: a frame of width W
 * spans [-0.5, W - 0.5], so scale 0 (the whole frame squished) has {@code x0 = y0 = -0.5} and the
 * frame's width and height. Map cell (col, row) covers {@code width / gridSize} by {@code height /
 * gridSize} image pixels starting at {@code (x0 + col * width / gridSize, y0 + row * height /
 * gridSize)}.
 *
 * @param scale 0 for the full-frame pass, k for the k-th zoom
 * @param cropSide side (or width, for the squished full frame) of the crop window in image pixels
 * @param meanMap seed-averaged map, row-major {@code gridSize x gridSize}
 * @param gridSize side of the map
 * @param peak the map's value at the cell read out: its largest value, unless a zoom's search
 *     radius around the previous estimate excluded that cell
 * @param estimate the point's estimated position in frame 2 after this scale, image pixels
 * @param cropEstimate the same estimate in frame-2 crop pixels
 * @param x0 left edge of the frame-2 crop window, image pixels
 * @param y0 top edge of the frame-2 crop window, image pixels
 * @param width width of the frame-2 crop window, image pixels
 * @param height height of the frame-2 crop window, image pixels
 */
public record ScaleStep(
        int scale,
        double cropSide,
        float[] meanMap,
        int gridSize,
        double peak,
        Point estimate,
        Point cropEstimate,
        double x0,
        double y0,
        double width,
        double height) {}
