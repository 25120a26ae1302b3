package io.flowtrace.model.internal;

/**
 * The 3x3 binomial filter ([1 2 1] x [1 2 1] / 16) the model matches patches with, so that the cost
 * of a displacement depends less on the sub-pixel phase of the motion.
 */
final class Smoothing {

    private Smoothing() {}

    /** Smooths the whole of a square RGB image, replicating its border. */
    static float[] image(byte[] rgb, int size) {
        float[] out = new float[rgb.length];
        region(rgb, size, 0, 0, size - 1, size - 1, out);
        return out;
    }

    /**
     * Writes the smoothed value of every pixel in [x0, x1] x [y0, y1] to {@code out}, reading
     * neighbours anywhere in the image (border replicated).
     */
    static void region(byte[] rgb, int size, int x0, int y0, int x1, int y1, float[] out) {
        window(rgb, size, 0, 0, size - 1, size - 1, x0, y0, x1, y1, out);
    }

    /**
     * Smooths the pixels of [x0, x1] x [y0, y1] reading only pixels inside the window [wx0, wx1] x
     * [wy0, wy1] (its border replicated), so a revealed patch is smoothed from its own pixels.
     */
    static void window(
            byte[] rgb,
            int size,
            int wx0,
            int wy0,
            int wx1,
            int wy1,
            int x0,
            int y0,
            int x1,
            int y1,
            float[] out) {
        for (int y = y0; y <= y1; y++) {
            int ya = Math.max(wy0, y - 1);
            int yb = Math.min(wy1, y + 1);
            for (int x = x0; x <= x1; x++) {
                int xa = Math.max(wx0, x - 1);
                int xb = Math.min(wx1, x + 1);
                for (int c = 0; c < 3; c++) {
                    int sum =
                            row(rgb, size, ya, xa, x, xb, c)
                                    + 2 * row(rgb, size, y, xa, x, xb, c)
                                    + row(rgb, size, yb, xa, x, xb, c);
                    out[(y * size + x) * 3 + c] = sum / 16f;
                }
            }
        }
    }

    private static int row(byte[] rgb, int size, int y, int xa, int x, int xb, int c) {
        int base = y * size;
        return (rgb[(base + xa) * 3 + c] & 0xFF)
                + 2 * (rgb[(base + x) * 3 + c] & 0xFF)
                + (rgb[(base + xb) * 3 + c] & 0xFF);
    }
}
