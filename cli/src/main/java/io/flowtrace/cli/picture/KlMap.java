package io.flowtrace.cli.picture;

import io.flowtrace.tracer.ScaleStep;
import java.util.Objects;

/**
 * A divergence map and the frame window it covers.
 *
 * @param values row-major {@code grid x grid}
 * @param grid side of the map
 * @param window the frame window the map covers
 */
record KlMap(float[] values, int grid, FrameWindow window) {

    KlMap {
        Objects.requireNonNull(window, "window");
        if (grid <= 0 || values.length != grid * grid) {
            throw new IllegalArgumentException(
                    "map has " + values.length + " values, not " + grid + "x" + grid);
        }
    }

    /** The seed-averaged map of one scale of KL-tracing, over the window it probed. */
    static KlMap of(ScaleStep step) {
        return new KlMap(step.meanMap(), step.gridSize(), FrameWindow.of(step));
    }

    /** The largest value, or 0 when none is above 0. */
    double peak() {
        return Math.max(0, values[argMax()]);
    }

    /** The row-major index of the largest value (the first, on ties). */
    int argMax() {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Cell {@code index} as a window of the frame. */
    FrameWindow cell(int index) {
        double w = window.width() / grid;
        double h = window.height() / grid;
        return new FrameWindow(
                window.x0() + (index % grid) * w, window.y0() + (index / grid) * h, w, h);
    }
}
