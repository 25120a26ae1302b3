package io.flowtrace.flow;

import java.util.function.IntBinaryOperator;

/** Test helper: small flow fields with known vectors. */
final class TestFlows {

    private TestFlows() {}

    /** A field where every pixel moves by (u, v). */
    static FlowField uniform(int width, int height, float u, float v) {
        return of(width, height, (x, y) -> u, (x, y) -> v);
    }

    /** A field whose flow at (x, y) is (u.at(x, y), v.at(x, y)). */
    static FlowField of(int width, int height, Component u, Component v) {
        float[] us = new float[width * height];
        float[] vs = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                us[y * width + x] = u.at(x, y);
                vs[y * width + x] = v.at(x, y);
            }
        }
        return new FlowField(width, height, us, vs);
    }

    /** A mask set where {@code set} is non-zero. */
    static PixelMask mask(int width, int height, IntBinaryOperator set) {
        boolean[] bits = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bits[y * width + x] = set.applyAsInt(x, y) != 0;
            }
        }
        return PixelMask.of(width, height, bits);
    }

    /** One flow component as a function of the pixel. */
    @FunctionalInterface
    interface Component {
        float at(int x, int y);
    }
}
