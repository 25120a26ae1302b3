package io.flowtrace.model.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.model.ReferenceModelConfig;
import java.util.Arrays;

/**
 * The frame-2 patches a mask reveals, and what each says about motion: its mean colour, and a
 * posterior over displacements from how well it matches frame 1 (robust squared error between the
 * smoothed frames, softmax with a temperature). Also knows, for each hidden patch, which revealed
 * patches are its nearest experts.
 */
final class RevealedPatches {

    private static final int PATCH = ModelTensors.PATCH_SIZE;
    private static final int GRID = ModelTensors.GRID;
    private static final int MAX_POS = CleanFrame.WINDOW_POSITIONS - 1;

    /** Patch variance at which a contrast-scaled temperature equals the configured one. */
    private static final double REFERENCE_VARIANCE = 400;

    private final ReferenceModelConfig cfg;
    private final byte[] frame2;
    private final int[] indices;
    private final float[][] means;
    private final float[] frame2Smooth;
    private final int[][] neighbours = new int[ModelTensors.PATCHES][];
    private final float[][] spatialWeights = new float[ModelTensors.PATCHES][];
    private final int radius;
    private final int span;

    RevealedPatches(ReferenceModelConfig cfg, byte[] frame2, boolean[] revealed) {
        this.cfg = cfg;
        this.frame2 = frame2;
        this.radius = cfg.searchRadius();
        this.span = 2 * radius + 1;
        this.indices = indicesOf(revealed);
        this.means = new float[indices.length][];
        this.frame2Smooth = new float[frame2.length];
        for (int j = 0; j < indices.length; j++) {
            int r = indices[j];
            means[j] = frame2Mean(r);
            int x0 = (r % GRID) * PATCH;
            int y0 = (r / GRID) * PATCH;
            int x1 = x0 + PATCH - 1;
            int y1 = y0 + PATCH - 1;
            // smoothed from the patch's own pixels only: no hidden pixel is read
            Smoothing.window(frame2, CleanFrame.SIZE, x0, y0, x1, y1, x0, y0, x1, y1, frame2Smooth);
        }
    }

    /** Number of revealed patches. */
    int count() {
        return indices.length;
    }

    /** Patch index (row * 32 + col) of the j-th revealed patch. */
    int patch(int j) {
        return indices[j];
    }

    /** Mean colour of the j-th revealed patch. */
    float[] mean(int j) {
        return means[j];
    }

    /** Spatial weights of hidden patch p's experts, in the order of {@link #neighbours}. */
    float[] weights(int p) {
        neighbours(p);
        return spatialWeights[p];
    }

    private static int[] indicesOf(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] out = new int[n];
        int i = 0;
        for (int p = 0; p < flags.length; p++) {
            if (flags[p]) {
                out[i++] = p;
            }
        }
        return out;
    }

    private float[] frame2Mean(int patch) {
        int x0 = (patch % GRID) * PATCH;
        int y0 = (patch / GRID) * PATCH;
        float[] m = new float[3];
        for (int v = 0; v < PATCH; v++) {
            for (int u = 0; u < PATCH; u++) {
                int i = ((y0 + v) * CleanFrame.SIZE + x0 + u) * 3;
                for (int c = 0; c < 3; c++) {
                    m[c] += frame2[i + c] & 0xFF;
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            m[c] /= PATCH * PATCH;
        }
        return m;
    }

    /** The revealed patches (indices into the revealed list) that inform hidden patch p. */
    int[] neighbours(int p) {
        if (neighbours[p] == null) {
            findNeighbours(p);
        }
        return neighbours[p];
    }

    private void findNeighbours(int p) {
        int k = Math.min(cfg.neighbours(), indices.length);
        long[] keyed = new long[indices.length];
        int pr = p / GRID;
        int pc = p % GRID;
        for (int j = 0; j < indices.length; j++) {
            int r = indices[j];
            int dr = r / GRID - pr;
            int dc = r % GRID - pc;
            keyed[j] = ((long) (dr * dr + dc * dc) << 32) | j;
        }
        Arrays.sort(keyed);
        int[] near = new int[k];
        float[] weights = new float[k];
        double twoS2 = 2 * cfg.spatialSigma() * cfg.spatialSigma();
        for (int i = 0; i < k; i++) {
            int j = (int) keyed[i];
            long dist2 = (keyed[i] >>> 32) * PATCH * PATCH;
            near[i] = j;
            weights[i] = (float) Math.exp(-dist2 / twoS2);
        }
        spatialWeights[p] = weights;
        neighbours[p] = near;
    }

    /** The displacement posterior of the j-th revealed patch against frame 1 {@code view}. */
    Posterior posterior(int j, Frame1View view) {
        int patch = indices[j];
        int x0 = (patch % GRID) * PATCH;
        int y0 = (patch / GRID) * PATCH;
        float[] f1 = view.smooth();
        float[] logits = new float[span * span];
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        float clip2 = (float) (cfg.robustClip() * cfg.robustClip());
        float scale = (float) (1.0 / (PATCH * PATCH * 3 * temperature(x0, y0)));
        float best = Float.NEGATIVE_INFINITY;
        for (int dy = -radius; dy <= radius; dy++) {
            int sy = y0 - dy;
            if (sy < 0 || sy > MAX_POS) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int sx = x0 - dx;
                if (sx < 0 || sx > MAX_POS) {
                    continue;
                }
                float cost = 0;
                for (int v = 0; v < PATCH; v++) {
                    int a = ((y0 + v) * CleanFrame.SIZE + x0) * 3;
                    int b = ((sy + v) * CleanFrame.SIZE + sx) * 3;
                    for (int i = 0; i < PATCH * 3; i++) {
                        float d = frame2Smooth[a + i] - f1[b + i];
                        cost += Math.min(d * d, clip2);
                    }
                }
                float logit = -cost * scale;
                logits[(dy + radius) * span + dx + radius] = logit;
                best = Math.max(best, logit);
            }
        }
        return sparsify(logits, best);
    }

    /**
     * The matching temperature of the revealed patch at (x0, y0): fixed, or proportional to the
     * patch's own contrast (its variance plus a noise floor), so a dark, low-contrast patch is
     * matched as sharply as a bright one.
     */
    private double temperature(int x0, int y0) {
        if (cfg.contrastFloor() <= 0) {
            return cfg.matchTemperature();
        }
        double sum = 0;
        double sum2 = 0;
        for (int v = 0; v < PATCH; v++) {
            int a = ((y0 + v) * CleanFrame.SIZE + x0) * 3;
            for (int i = 0; i < PATCH * 3; i++) {
                double value = frame2Smooth[a + i];
                sum += value;
                sum2 += value * value;
            }
        }
        int n = PATCH * PATCH * 3;
        double variance = Math.max(0, sum2 / n - (sum / n) * (sum / n));
        return cfg.matchTemperature() * (variance + cfg.contrastFloor()) / REFERENCE_VARIANCE;
    }

    private Posterior sparsify(float[] logits, float best) {
        if (best == Float.NEGATIVE_INFINITY) {
            return Posterior.EMPTY;
        }
        float floor = best + (float) Math.log(Math.max(cfg.supportCutoff(), 1e-30));
        int n = 0;
        for (float l : logits) {
            n += l >= floor ? 1 : 0;
        }
        if (n > cfg.maxSupport()) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            floor = Math.max(floor, sorted[sorted.length - cfg.maxSupport()]);
        }
        int[] disp = new int[Math.min(n, cfg.maxSupport())];
        float[] prob = new float[disp.length];
        float[] relative = new float[logits.length];
        int k = 0;
        double total = 0;
        for (int i = 0; i < logits.length && k < disp.length; i++) {
            if (logits[i] >= floor) {
                disp[k] = i;
                prob[k] = (float) Math.exp(logits[i] - best);
                relative[i] = prob[k];
                total += prob[k];
                k++;
            }
        }
        for (int i = 0; i < k; i++) {
            prob[i] = (float) (prob[i] / total);
        }
        return new Posterior(Arrays.copyOf(disp, k), Arrays.copyOf(prob, k), relative);
    }
}
