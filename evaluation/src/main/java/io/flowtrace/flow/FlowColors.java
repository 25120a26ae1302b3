package io.flowtrace.flow;

import io.flowtrace.inference.RgbImage;

/**
 * The Middlebury flow colour coding (Baker et al., IJCV 2011): the direction of the flow picks a
 * hue on a 55-step colour wheel (red, yellow, green, cyan, blue, magenta), its length relative to a
 * maximum radius the saturation. Zero flow is white, unknown flow black, and flow longer than the
 * maximum radius is drawn in its full hue darkened to 75%.
 */
public final class FlowColors {

    /** Steps from one primary or secondary colour to the next, as in the reference code. */
    private static final int RY = 15;

    private static final int YG = 6;
    private static final int GC = 4;
    private static final int CB = 11;
    private static final int BM = 13;
    private static final int MR = 6;

    /** The colour wheel: {@code WHEEL[k]} is the RGB of hue step k, in 0..255. */
    private static final int[][] WHEEL = wheel();

    private FlowColors() {}

    /**
     * The colour picture of {@code flow} with {@code maxRadius} (pixels) as full saturation.
     *
     * @throws IllegalArgumentException when maxRadius is not positive and finite
     */
    public static RgbImage picture(FlowField flow, double maxRadius) {
        if (!(maxRadius > 0) || Double.isInfinite(maxRadius)) {
            throw new IllegalArgumentException(
                    "max radius must be positive and finite, was " + maxRadius);
        }
        float[] u = flow.u();
        float[] v = flow.v();
        byte[] rgb = new byte[u.length * 3];
        for (int i = 0; i < u.length; i++) {
            if (Float.isFinite(u[i]) && Float.isFinite(v[i])) {
                color(u[i] / maxRadius, v[i] / maxRadius, rgb, i * 3);
            } // unknown stays black
        }
        return new RgbImage(flow.width(), flow.height(), rgb);
    }

    /** The colour picture of {@code flow} scaled by its own {@link #maxRadius}. */
    public static RgbImage picture(FlowField flow) {
        return picture(flow, maxRadius(flow));
    }

    /** The longest known flow vector's length, or 1 when every known vector is zero or none is. */
    public static double maxRadius(FlowField flow) {
        float[] u = flow.u();
        float[] v = flow.v();
        double max = 0;
        for (int i = 0; i < u.length; i++) {
            if (Float.isFinite(u[i]) && Float.isFinite(v[i])) {
                max = Math.max(max, Math.hypot(u[i], v[i]));
            }
        }
        return max > 0 ? max : 1;
    }

    /** Writes the colour of normalised flow (fx, fy) into {@code rgb[at..at+2]}. */
    private static void color(double fx, double fy, byte[] rgb, int at) {
        double radius = Math.hypot(fx, fy);
        double angle = Math.atan2(-fy, -fx) / Math.PI; // -1..1, +x at the ends of the wheel
        double position = (angle + 1) / 2 * (WHEEL.length - 1);
        int k0 = (int) position;
        int k1 = (k0 + 1) % WHEEL.length;
        double f = position - k0;
        for (int c = 0; c < 3; c++) {
            double hue = ((1 - f) * WHEEL[k0][c] + f * WHEEL[k1][c]) / 255;
            double value = radius <= 1 ? 1 - radius * (1 - hue) : hue * 0.75;
            rgb[at + c] = (byte) (int) (255 * value);
        }
    }

    private static int[][] wheel() {
        int[][] wheel = new int[RY + YG + GC + CB + BM + MR][];
        int k = 0;
        for (int i = 0; i < RY; i++) {
            wheel[k++] = new int[] {255, 255 * i / RY, 0};
        }
        for (int i = 0; i < YG; i++) {
            wheel[k++] = new int[] {255 - 255 * i / YG, 255, 0};
        }
        for (int i = 0; i < GC; i++) {
            wheel[k++] = new int[] {0, 255, 255 * i / GC};
        }
        for (int i = 0; i < CB; i++) {
            wheel[k++] = new int[] {0, 255 - 255 * i / CB, 255};
        }
        for (int i = 0; i < BM; i++) {
            wheel[k++] = new int[] {255 * i / BM, 0, 255};
        }
        for (int i = 0; i < MR; i++) {
            wheel[k++] = new int[] {255, 0, 255 - 255 * i / MR};
        }
        return wheel;
    }
}
