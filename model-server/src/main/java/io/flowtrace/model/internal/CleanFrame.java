package io.flowtrace.model.internal;

import java.util.stream.IntStream;

/**
 * The unperturbed frame-1 crop with its features cached: soft code bits of every 4x4 cell position,
 * filled lazily (one thread) or all at once ({@link #computeAll}), and 8x8 window means.
 */
final class CleanFrame implements Frame1View {

    static final int SIZE = 256;
    static final int CELL_POSITIONS = SIZE - LocalQuantizer.CELL + 1;
    static final int WINDOW = 8;
    static final int WINDOW_POSITIONS = SIZE - WINDOW + 1;

    private final byte[] rgb;
    private final LocalQuantizer quantizer;
    private final float sharpness;
    private final float[] bits = new float[CELL_POSITIONS * CELL_POSITIONS * LocalQuantizer.BITS];
    private final boolean[] known = new boolean[CELL_POSITIONS * CELL_POSITIONS];
    private final float[] means = new float[WINDOW_POSITIONS * WINDOW_POSITIONS * 3];
    private final float[] smooth;

    CleanFrame(byte[] rgb, LocalQuantizer quantizer, float sharpness) {
        this.rgb = rgb;
        this.quantizer = quantizer;
        this.sharpness = sharpness;
        computeMeans();
        this.smooth = Smoothing.image(rgb, SIZE);
    }

    private void computeMeans() {
        long[] integral = new long[(SIZE + 1) * (SIZE + 1)];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIZE; y++) {
                long row = 0;
                for (int x = 0; x < SIZE; x++) {
                    row += rgb[(y * SIZE + x) * 3 + c] & 0xFF;
                    integral[(y + 1) * (SIZE + 1) + x + 1] = integral[y * (SIZE + 1) + x + 1] + row;
                }
            }
            for (int y = 0; y < WINDOW_POSITIONS; y++) {
                for (int x = 0; x < WINDOW_POSITIONS; x++) {
                    long sum =
                            integral[(y + WINDOW) * (SIZE + 1) + x + WINDOW]
                                    - integral[y * (SIZE + 1) + x + WINDOW]
                                    - integral[(y + WINDOW) * (SIZE + 1) + x]
                                    + integral[y * (SIZE + 1) + x];
                    means[(y * WINDOW_POSITIONS + x) * 3 + c] = sum / (float) (WINDOW * WINDOW);
                }
            }
        }
    }

    /** Fills the whole bit cache so the frame can be read from many threads. */
    void computeAll() {
        IntStream.range(0, CELL_POSITIONS)
                .parallel()
                .forEach(
                        y -> {
                            for (int x = 0; x < CELL_POSITIONS; x++) {
                                ensure(x, y);
                            }
                        });
    }

    private int ensure(int x, int y) {
        int pos = y * CELL_POSITIONS + x;
        if (!known[pos]) {
            quantizer.softBits(rgb, SIZE, x, y, sharpness, bits, pos * LocalQuantizer.BITS);
            known[pos] = true;
        }
        return pos * LocalQuantizer.BITS;
    }

    @Override
    public byte[] rgb() {
        return rgb;
    }

    @Override
    public float[] smooth() {
        return smooth;
    }

    @Override
    public void addBits(int x, int y, float w, float[] acc, int off) {
        int from = ensure(x, y);
        for (int k = 0; k < LocalQuantizer.BITS; k++) {
            acc[off + k] += w * bits[from + k];
        }
    }

    @Override
    public float mean(int x, int y, int c) {
        return means[(y * WINDOW_POSITIONS + x) * 3 + c];
    }

    LocalQuantizer quantizer() {
        return quantizer;
    }

    float sharpness() {
        return sharpness;
    }
}
