package io.flowtrace.model.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.model.ReferenceModelConfig;
import java.util.Arrays;

/**
 * The reference model conditioned on one crop pair and one reveal mask: all of frame 1 and the
 * revealed frame-2 patches, never a hidden frame-2 pixel.
 *
 * <p>Each revealed patch gets a posterior over displacements from how well it matches frame 1
 * (robust squared error, softmax with a temperature). A hidden patch's displacement distribution
 * mixes the posteriors of its nearest revealed patches, each hypothesis weighted by distance and by
 * how well the frame-1 content it would bring resembles that revealed patch (edge-aware: motion
 * does not leak across a colour boundary). Its predicted code is, bit by bit, the mixture of the
 * soft codes of the frame-1 cells it would come from. Clean results are cached; {@link
 * #predictPerturbed} recomputes only what a perturbation can reach.
 */
final class MaskedPrediction {

    private static final int PATCH = ModelTensors.PATCH_SIZE;
    private static final int GRID = ModelTensors.GRID;
    private static final int MAX_POS = CleanFrame.WINDOW_POSITIONS - 1;

    /** Patch variance at which a contrast-scaled temperature equals the configured one. */
    private static final double REFERENCE_VARIANCE = 400;

    private final ReferenceModelConfig cfg;
    private final CleanFrame frame1;
    private final byte[] frame2;
    private final boolean[] revealed;
    private final int[] revealedList;
    private final int[][] neighbours;
    private final float[][] spatialWeights;
    private final float[][] revealedMeans;
    private final float[] frame2Smooth;
    private final Posterior[] cleanPosteriors;
    private final PatchPrediction[] cleanPatches;
    private final int cells;
    private final boolean withRgb;
    private final int radius;
    private final int span;
    private final float[] colourLut;
    private final float colourLutStep;

    MaskedPrediction(
            ReferenceModelConfig cfg,
            CleanFrame frame1,
            byte[] frame2,
            boolean[] revealed,
            int cells,
            boolean withRgb) {
        this.cfg = cfg;
        this.frame1 = frame1;
        this.frame2 = frame2;
        this.revealed = revealed;
        this.cells = cells;
        this.withRgb = withRgb;
        this.radius = cfg.searchRadius();
        this.span = 2 * radius + 1;
        this.revealedList = indicesOf(revealed);
        this.neighbours = new int[ModelTensors.PATCHES][];
        this.spatialWeights = new float[ModelTensors.PATCHES][];
        this.revealedMeans = new float[revealedList.length][];
        this.cleanPosteriors = new Posterior[revealedList.length];
        this.cleanPatches = new PatchPrediction[ModelTensors.PATCHES];
        this.frame2Smooth = new float[frame2.length];
        for (int j = 0; j < revealedList.length; j++) {
            int r = revealedList[j];
            revealedMeans[j] = frame2Mean(r);
            int x0 = (r % GRID) * PATCH;
            int y0 = (r / GRID) * PATCH;
            int x1 = x0 + PATCH - 1;
            int y1 = y0 + PATCH - 1;
            Smoothing.window(frame2, CleanFrame.SIZE, x0, y0, x1, y1, x0, y0, x1, y1, frame2Smooth);
        }
        // exp(-d2 / (2 sigma^2)) tabulated over squared colour distances up to 3 * 255^2
        double twoSigma2 = 2 * cfg.colourSigma() * cfg.colourSigma();
        this.colourLutStep = 4f;
        this.colourLut = new float[(int) (3 * 255 * 255 / colourLutStep) + 2];
        for (int i = 0; i < colourLut.length; i++) {
            colourLut[i] = (float) Math.exp(-(i * colourLutStep) / twoSigma2);
        }
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
    private int[] neighbours(int p) {
        if (neighbours[p] == null) {
            findNeighbours(p);
        }
        return neighbours[p];
    }

    private void findNeighbours(int p) {
        int k = Math.min(cfg.neighbours(), revealedList.length);
        long[] keyed = new long[revealedList.length];
        int pr = p / GRID;
        int pc = p % GRID;
        for (int j = 0; j < revealedList.length; j++) {
            int r = revealedList[j];
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

    boolean isRevealed(int patch) {
        return revealed[patch];
    }

    int cells() {
        return cells;
    }

    /** Fills every clean cache so the prediction can be shared by threads. */
    void computeAll() {
        for (int j = 0; j < revealedList.length; j++) {
            cleanPosterior(j);
        }
        for (int p = 0; p < ModelTensors.PATCHES; p++) {
            if (!revealed[p]) {
                cleanPatch(p);
            }
        }
    }

    Posterior cleanPosterior(int j) {
        if (cleanPosteriors[j] == null) {
            cleanPosteriors[j] = posterior(revealedList[j], frame1);
        }
        return cleanPosteriors[j];
    }

    PatchPrediction cleanPatch(int p) {
        if (cleanPatches[p] == null) {
            cleanPatches[p] = predict(p, frame1, this::cleanPosterior);
        }
        return cleanPatches[p];
    }

    /**
     * Predictions of the hidden patches the perturbation can change, with frame 1 replaced by
     * {@code view}; entries for unchanged and revealed patches are null.
     */
    PatchPrediction[] predictPerturbed(Frame1View view, Box changed) {
        Posterior[] perturbed = new Posterior[revealedList.length];
        boolean[] touched = new boolean[revealedList.length];
        for (int j = 0; j < revealedList.length; j++) {
            if (reaches(revealedList[j], changed)) {
                touched[j] = true;
                perturbed[j] = posterior(revealedList[j], view);
            }
        }
        PatchPrediction[] out = new PatchPrediction[ModelTensors.PATCHES];
        for (int p = 0; p < ModelTensors.PATCHES; p++) {
            if (revealed[p] || !affected(p, changed, touched)) {
                continue;
            }
            out[p] = predict(p, view, j -> touched[j] ? perturbed[j] : cleanPosterior(j));
        }
        return out;
    }

    private boolean affected(int p, Box changed, boolean[] touched) {
        if (reaches(p, changed)) {
            return true;
        }
        for (int j : neighbours(p)) {
            if (touched[j]) {
                return true;
            }
        }
        return false;
    }

    /** True when a patch's computation reads any frame-1 pixel inside {@code box}. */
    private boolean reaches(int patch, Box box) {
        int x = (patch % GRID) * PATCH;
        int y = (patch / GRID) * PATCH;
        // one more pixel on each side: the matching cost reads smoothed frame-1 pixels
        return box.intersects(
                Math.max(0, x - radius - 1),
                Math.max(0, y - radius - 1),
                Math.min(CleanFrame.SIZE - 1, x + PATCH + radius),
                Math.min(CleanFrame.SIZE - 1, y + PATCH + radius));
    }

    /** The displacement posterior of revealed patch {@code patch} against frame 1 {@code view}. */
    private Posterior posterior(int patch, Frame1View view) {
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

    /** Predicts hidden patch {@code p} from frame-1 {@code view} and the given posteriors. */
    private PatchPrediction predict(int p, Frame1View view, PosteriorSource posteriors) {
        return cfg.productPooling()
                ? predictByProduct(p, view, posteriors)
                : predictByMixture(p, view, posteriors);
    }

    /**
     * Robust product of experts: every neighbour scores each candidate displacement by how much it
     * believes in it and how well the content it would bring resembles that neighbour, floored so
     * that a neighbour on another surface vetoes nothing on its own.
     */
    private PatchPrediction predictByProduct(int p, Frame1View view, PosteriorSource posteriors) {
        int xp = (p % GRID) * PATCH;
        int yp = (p / GRID) * PATCH;
        int[] near = neighbours(p);
        Posterior[] experts = new Posterior[near.length];
        float[] acc = new float[span * span];
        boolean[] seen = new boolean[span * span];
        int[] order = new int[span * span];
        int used = 0;
        for (int i = 0; i < near.length; i++) {
            experts[i] = posteriors.get(near[i]);
            for (int d : experts[i].displacement()) {
                if (!seen[d] && inBounds(xp, yp, d)) {
                    seen[d] = true;
                    order[used++] = d;
                }
            }
        }
        float floor = (float) cfg.expertFloor();
        float best = Float.NEGATIVE_INFINITY;
        for (int u = 0; u < used; u++) {
            int d = order[u];
            int zx = xp - (d % span - radius);
            int zy = yp - (d / span - radius);
            float m0 = view.mean(zx, zy, 0);
            float m1 = view.mean(zx, zy, 1);
            float m2 = view.mean(zx, zy, 2);
            float score = 0;
            for (int i = 0; i < near.length; i++) {
                float[] colour = revealedMeans[near[i]];
                float d2 = sq(m0 - colour[0]) + sq(m1 - colour[1]) + sq(m2 - colour[2]);
                float support = colourLut[(int) (d2 / colourLutStep)] * experts[i].relativeAt(d);
                score += spatialWeights[p][i] * (float) Math.log(floor + support);
            }
            acc[d] = score;
            best = Math.max(best, score);
        }
        float invT = (float) (1 / cfg.poolTemperature());
        for (int u = 0; u < used; u++) {
            acc[order[u]] = (float) Math.exp((acc[order[u]] - best) * invT);
        }
        return mixture(xp, yp, view, acc, order, used);
    }

    private static float sq(float v) {
        return v * v;
    }

    private boolean inBounds(int xp, int yp, int d) {
        int zx = xp - (d % span - radius);
        int zy = yp - (d / span - radius);
        return zx >= 0 && zy >= 0 && zx <= MAX_POS && zy <= MAX_POS;
    }

    private PatchPrediction predictByMixture(int p, Frame1View view, PosteriorSource posteriors) {
        int xp = (p % GRID) * PATCH;
        int yp = (p / GRID) * PATCH;
        float[] acc = new float[span * span];
        int[] order = new int[span * span];
        int used = 0;
        int[] near = neighbours(p);
        for (int i = 0; i < near.length; i++) {
            Posterior post = posteriors.get(near[i]);
            float[] colour = revealedMeans[near[i]];
            float a = spatialWeights[p][i];
            for (int k = 0; k < post.size(); k++) {
                int d = post.displacement()[k];
                int zx = xp - (d % span - radius);
                int zy = yp - (d / span - radius);
                if (zx < 0 || zy < 0 || zx > MAX_POS || zy > MAX_POS) {
                    continue;
                }
                float d2 = 0;
                for (int c = 0; c < 3; c++) {
                    float diff = view.mean(zx, zy, c) - colour[c];
                    d2 += diff * diff;
                }
                float w = a * colourLut[(int) (d2 / colourLutStep)] * post.probability()[k];
                if (acc[d] == 0 && w > 0) {
                    order[used++] = d;
                }
                acc[d] += w;
            }
        }
        return mixture(xp, yp, view, acc, order, used);
    }

    private PatchPrediction mixture(
            int xp, int yp, Frame1View view, float[] acc, int[] order, int used) {
        float max = 0;
        double total = 0;
        for (int i = 0; i < used; i++) {
            max = Math.max(max, acc[order[i]]);
        }
        float floor = (float) (max * cfg.supportCutoff());
        for (int i = 0; i < used; i++) {
            if (acc[order[i]] >= floor) {
                total += acc[order[i]];
            }
        }
        if (used == 0 || !(total > 0)) {
            // no revealed evidence reaches this patch: predict it stays where it is
            order[0] = radius * span + radius;
            acc[order[0]] = 1f;
            used = 1;
            total = 1;
            floor = 0;
        }
        float[] bits = new float[cells * LocalQuantizer.BITS];
        float[] rgb = withRgb ? new float[cells * 48] : null;
        for (int i = 0; i < used; i++) {
            int d = order[i];
            if (acc[d] < floor) {
                continue;
            }
            float w = (float) (acc[d] / total);
            int sx = xp - (d % span - radius);
            int sy = yp - (d / span - radius);
            for (int cell = 0; cell < cells; cell++) {
                int cx = sx + (cell % 2) * LocalQuantizer.CELL;
                int cy = sy + (cell / 2) * LocalQuantizer.CELL;
                view.addBits(cx, cy, w, bits, cell * LocalQuantizer.BITS);
                if (rgb != null) {
                    addPixels(view.rgb(), cx, cy, w, rgb, cell * 48);
                }
            }
        }
        float eps = (float) cfg.epsilon();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Math.min(1 - eps, Math.max(eps, bits[i]));
        }
        return new PatchPrediction(bits, rgb);
    }

    private static void addPixels(byte[] f1, int x, int y, float w, float[] acc, int off) {
        for (int v = 0; v < LocalQuantizer.CELL; v++) {
            int base = ((y + v) * CleanFrame.SIZE + x) * 3;
            for (int i = 0; i < LocalQuantizer.CELL * 3; i++) {
                acc[off + v * LocalQuantizer.CELL * 3 + i] += w * (f1[base + i] & 0xFF);
            }
        }
    }

    @FunctionalInterface
    private interface PosteriorSource {
        Posterior get(int revealedIndex);
    }
}
