package io.flowtrace.cli.baseline;

import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowFarneback;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** OpenCV's Farneback flow on the frames' grayscale, with the parameters most examples use. */
final class FarnebackFlow implements DenseFlow {

    private static final double PYRAMID_SCALE = 0.5;

    /** Pyramid levels, the full-size image included. */
    private static final int LEVELS = 3;

    private static final int WINDOW = 15;
    private static final int ITERATIONS = 3;
    private static final int POLY_N = 5;
    private static final double POLY_SIGMA = 1.2;

    /** Box-filter averaging (no OPTFLOW_FARNEBACK_GAUSSIAN), no initial flow. */
    private static final int FLAGS = 0;

    @Override
    public FlowField flow(RgbImage from, RgbImage to) {
        OpenCvMats.checkSameSize(from, to);
        try (PointerScope scope = new PointerScope()) {
            Mat flow = new Mat();
            calcOpticalFlowFarneback(
                    OpenCvMats.gray(from),
                    OpenCvMats.gray(to),
                    flow,
                    PYRAMID_SCALE,
                    LEVELS,
                    WINDOW,
                    ITERATIONS,
                    POLY_N,
                    POLY_SIGMA,
                    FLAGS);
            return OpenCvMats.flowField(flow);
        }
    }

    @Override
    public String describe() {
        return "OpenCV Farneback flow (pyrScale "
                + PYRAMID_SCALE
                + ", levels "
                + LEVELS
                + ", winsize "
                + WINDOW
                + ", iterations "
                + ITERATIONS
                + ", polyN "
                + POLY_N
                + ", polySigma "
                + POLY_SIGMA
                + ")";
    }
}
