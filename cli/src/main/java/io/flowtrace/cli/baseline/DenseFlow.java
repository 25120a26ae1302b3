package io.flowtrace.cli.baseline;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;

/**
 * A dense optical-flow method: per pixel of one frame, its displacement into another. Stateless
 * between calls (native memory is released before each call returns), so safe to share.
 */
public interface DenseFlow {

    /**
     * The flow from {@code from} to {@code to}, the size of the frames.
     *
     * @throws IllegalArgumentException when the frames differ in size
     */
    FlowField flow(RgbImage from, RgbImage to);

    /** The method and its parameters, for logs. */
    String describe();

    /** OpenCV's DIS optical flow (Kroeger et al. 2016) with its medium preset. */
    static DenseFlow dis() {
        return new DisFlow();
    }

    /**
     * OpenCV's Farneback flow with the common parameters: pyramid scale 0.5, 3 levels, 15 px
     * window, 3 iterations, polynomial neighbourhood 5 with sigma 1.2, box filter.
     */
    static DenseFlow farneback() {
        return new FarnebackFlow();
    }
}
