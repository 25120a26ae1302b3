package io.flowtrace.model.internal;

/**
 * A fixed, strictly local quantizer of 4x4 RGB cells into 16-bit codes, lookup-free style: bit k is
 * the sign of a fixed random projection of the cell's 48 centred pixel values.
 *
 * <p>The model predicts a code as 16 independent Bernoullis; {@link #softBits} gives each bit's
 * probability for a known cell, a logistic of the projection, so that a code read from a noisy
 * pixel is uncertain near a bit's decision boundary.
 */
public final class LocalQuantizer {

    public static final int BITS = 16;
    public static final int CELL = 4;
    static final int DIM = CELL * CELL * 3;
    private static final long PROJECTION_SEED = 0x6A09E667F3BCC908L;

    private final float[] weights = new float[BITS * DIM];

    public LocalQuantizer() {
        long state = PROJECTION_SEED;
        for (int k = 0; k < BITS; k++) {
            double norm = 0;
            for (int i = 0; i < DIM; i += 2) {
                state += 0x9E3779B97F4A7C15L;
                double u1 = uniform(state);
                state += 0x9E3779B97F4A7C15L;
                double u2 = uniform(state);
                double r = Math.sqrt(-2 * Math.log(u1));
                double g1 = r * Math.cos(2 * Math.PI * u2);
                double g2 = r * Math.sin(2 * Math.PI * u2);
                weights[k * DIM + i] = (float) g1;
                weights[k * DIM + i + 1] = (float) g2;
                norm += g1 * g1 + g2 * g2;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < DIM; i++) {
                weights[k * DIM + i] *= inv;
            }
        }
    }

    /** A uniform double in (0, 1) from a SplitMix64 state. */
    private static double uniform(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 0.5) / (1L << 53);
    }

    /**
     * Writes the 16 bit probabilities of the cell whose top-left pixel is (x, y) to {@code
     * out[off..off+15]}.
     */
    public void softBits(
            byte[] rgb, int width, int x, int y, float sharpness, float[] out, int off) {
        float[] v = new float[DIM];
        int i = 0;
        for (int dy = 0; dy < CELL; dy++) {
            int base = ((y + dy) * width + x) * 3;
            for (int j = 0; j < CELL * 3; j++) {
                v[i++] = ((rgb[base + j] & 0xFF) - 128f) * (1f / 64f);
            }
        }
        for (int k = 0; k < BITS; k++) {
            float s = 0;
            int w = k * DIM;
            for (int j = 0; j < DIM; j++) {
                s += weights[w + j] * v[j];
            }
            out[off + k] = (float) (1.0 / (1.0 + Math.exp(-sharpness * s)));
        }
    }

    /** The hard 16-bit code of the cell whose top-left pixel is (x, y). */
    public int code(byte[] rgb, int width, int x, int y) {
        float[] bits = new float[BITS];
        softBits(rgb, width, x, y, 1f, bits, 0);
        int code = 0;
        for (int k = 0; k < BITS; k++) {
            if (bits[k] > 0.5f) {
                code |= 1 << k;
            }
        }
        return code;
    }
}
