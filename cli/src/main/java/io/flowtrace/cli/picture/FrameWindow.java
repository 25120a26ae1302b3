package io.flowtrace.cli.picture;

import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.ScaleStep;

/**
 * A rectangle of a frame in image coordinates, where integer values are pixel centres: a frame of
 * width W spans [-0.5, W - 0.5].
 */
record FrameWindow(double x0, double y0, double width, double height) {

    FrameWindow {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException(
                    "window must have a positive size, was " + width + "x" + height);
        }
    }

    /** The whole of a {@code width x height} frame. */
    static FrameWindow whole(int width, int height) {
        return new FrameWindow(-0.5, -0.5, width, height);
    }

    /** The frame-2 window one scale of KL-tracing probed. */
    static FrameWindow of(ScaleStep step) {
        return new FrameWindow(step.x0(), step.y0(), step.width(), step.height());
    }

    boolean contains(Point p) {
        return p.x() >= x0 && p.x() <= x0 + width && p.y() >= y0 && p.y() <= y0 + height;
    }

    /** Width over height. */
    double aspect() {
        return width / height;
    }
}
