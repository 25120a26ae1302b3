package io.flowtrace.flow;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense optical-flow field: per pixel the displacement (u, v) in pixels from the first frame to
 * the second. Pixels whose flow is unknown hold {@link Float#NaN} in both components.
 *
 * <p>Arrays are row-major ({@code index = y * width + x}) and owned by the field; callers must not
 * change them after construction.
 */
public record FlowField(int width, int height, float[] u, float[] v) {

    public FlowField {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "flow size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(v, "v");
        long pixels = (long) width * height;
        if (u.length != pixels || v.length != pixels) {
            throw new IllegalArgumentException(
                    "flow of "
                            + width
                            + "x"
                            + height
                            + " needs "
                            + pixels
                            + " values per component, got u "
                            + u.length
                            + " and v "
                            + v.length);
        }
    }

    /** A field of the given size where every pixel's flow is unknown. */
    public static FlowField unknown(int width, int height) {
        float[] u = new float[width * height];
        float[] v = new float[width * height];
        Arrays.fill(u, Float.NaN);
        Arrays.fill(v, Float.NaN);
        return new FlowField(width, height, u, v);
    }

    /** Horizontal displacement at pixel (x, y). */
    public float u(int x, int y) {
        return u[index(x, y)];
    }

    /** Vertical displacement at pixel (x, y). */
    public float v(int x, int y) {
        return v[index(x, y)];
    }

    /** Whether the flow at pixel (x, y) is known (neither component NaN nor infinite). */
    public boolean known(int x, int y) {
        int i = index(x, y);
        return Float.isFinite(u[i]) && Float.isFinite(v[i]);
    }

    private int index(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return y * width + x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowField f
                && f.width == width
                && f.height == height
                && Arrays.equals(f.u, u)
                && Arrays.equals(f.v, v);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * width + height) + Arrays.hashCode(u)) + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "FlowField[" + width + "x" + height + "]";
    }
}
