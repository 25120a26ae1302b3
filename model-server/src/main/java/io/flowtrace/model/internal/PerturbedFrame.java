package io.flowtrace.model.internal;

/**
 * Frame 1 with the Gaussian dot added: features whose window touches a changed pixel are computed
 * from the perturbed pixels, all others are read from the clean frame's cache.
 */
final class PerturbedFrame implements Frame1View {

    private final CleanFrame clean;
    private final byte[] rgb;
    private final Box changed;
    private final float[] scratch = new float[LocalQuantizer.BITS];
    private float[] smooth;

    PerturbedFrame(CleanFrame clean, byte[] rgb, Box changed) {
        this.clean = clean;
        this.rgb = rgb;
        this.changed = changed;
    }

    @Override
    public synchronized float[] smooth() {
        if (smooth == null) {
            smooth = clean.smooth().clone();
            int last = CleanFrame.SIZE - 1;
            Smoothing.region(
                    rgb,
                    CleanFrame.SIZE,
                    Math.max(0, changed.x0() - 1),
                    Math.max(0, changed.y0() - 1),
                    Math.min(last, changed.x1() + 1),
                    Math.min(last, changed.y1() + 1),
                    smooth);
        }
        return smooth;
    }

    @Override
    public byte[] rgb() {
        return rgb;
    }

    @Override
    public void addBits(int x, int y, float w, float[] acc, int off) {
        if (!changed.intersects(x, y, x + LocalQuantizer.CELL - 1, y + LocalQuantizer.CELL - 1)) {
            clean.addBits(x, y, w, acc, off);
            return;
        }
        clean.quantizer().softBits(rgb, CleanFrame.SIZE, x, y, clean.sharpness(), scratch, 0);
        for (int k = 0; k < LocalQuantizer.BITS; k++) {
            acc[off + k] += w * scratch[k];
        }
    }

    @Override
    public float mean(int x, int y, int c) {
        if (!changed.intersects(x, y, x + CleanFrame.WINDOW - 1, y + CleanFrame.WINDOW - 1)) {
            return clean.mean(x, y, c);
        }
        long sum = 0;
        for (int v = y; v < y + CleanFrame.WINDOW; v++) {
            for (int u = x; u < x + CleanFrame.WINDOW; u++) {
                sum += rgb[(v * CleanFrame.SIZE + u) * 3 + c] & 0xFF;
            }
        }
        return sum / (float) (CleanFrame.WINDOW * CleanFrame.WINDOW);
    }
}
