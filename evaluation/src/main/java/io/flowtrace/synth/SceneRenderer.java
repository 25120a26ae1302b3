package io.flowtrace.synth;

import io.flowtrace.inference.RgbImage;

/**
 * Renders a scene frame by inverse-mapping pixel centres: a pixel that one surface covers at all
 * four 2x2 sub-pixel positions is that surface's texture sampled exactly at the pixel centre;
 * pixels on an outline average the four sub-pixel samples (anti-aliasing).
 */
final class SceneRenderer {

    /** Marks a pixel on an outline in a surface map. */
    static final int MIXED = -1;

    private static final double[] SUB_X = {-0.25, 0.25, -0.25, 0.25};
    private static final double[] SUB_Y = {-0.25, -0.25, 0.25, 0.25};

    private final int width;
    private final int height;

    SceneRenderer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Frame t of {@code scene}; when {@code surfaces} is not null it receives each pixel's surface
     * or MIXED.
     */
    RgbImage render(Scene scene, int t, int[] surfaces) {
        Scene.Frame frame = scene.at(t);
        byte[] rgb = new byte[width * height * 3];
        double[] colour = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int surface = shade(frame, x, y, colour);
                int i = (y * width + x) * 3;
                rgb[i] = (byte) Math.round(colour[0]);
                rgb[i + 1] = (byte) Math.round(colour[1]);
                rgb[i + 2] = (byte) Math.round(colour[2]);
                if (surfaces != null) {
                    surfaces[y * width + x] = surface;
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /** Writes pixel (x, y)'s colour into {@code rgb}; returns its surface, or MIXED. */
    private static int shade(Scene.Frame frame, int x, int y, double[] rgb) {
        int first = frame.surfaceAt(x + SUB_X[0], y + SUB_Y[0]);
        boolean pure = true;
        for (int s = 1; s < 4 && pure; s++) {
            pure = frame.surfaceAt(x + SUB_X[s], y + SUB_Y[s]) == first;
        }
        if (pure) {
            frame.colour(first, x, y, rgb);
            return first;
        }
        double[] sample = new double[3];
        rgb[0] = rgb[1] = rgb[2] = 0;
        for (int s = 0; s < 4; s++) {
            double sx = x + SUB_X[s];
            double sy = y + SUB_Y[s];
            frame.colour(frame.surfaceAt(sx, sy), sx, sy, sample);
            for (int c = 0; c < 3; c++) {
                rgb[c] += sample[c] / 4;
            }
        }
        return MIXED;
    }
}
