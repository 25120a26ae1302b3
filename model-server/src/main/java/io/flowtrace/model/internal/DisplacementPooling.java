package io.flowtrace.model.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.model.ReferenceModelConfig;

/**
 * Pools the posteriors of a hidden patch's expert revealed patches into the patch's displacement
 * distribution: a robust product of experts (or, for comparison, a mixture), each expert's vote for
 * a displacement weighted by distance and by how well the frame-1 content that displacement would
 * bring resembles the expert's colour.
 */
final class DisplacementPooling {

    private static final int PATCH = ModelTensors.PATCH_SIZE;
    private static final int GRID = ModelTensors.GRID;
    private static final int MAX_POS = CleanFrame.WINDOW_POSITIONS - 1;

    private final ReferenceModelConfig cfg;
    private final RevealedPatches revealed;
    private final int radius;
    private final int span;
    private final float[] colourLut;
    private final float colourLutStep;

    DisplacementPooling(ReferenceModelConfig cfg, RevealedPatches revealed) {
        this.cfg = cfg;
        this.revealed = revealed;
        this.radius = cfg.searchRadius();
        this.span = 2 * radius + 1;
        // exp(-d2 / (2 sigma^2)) tabulated over squared colour distances up to 3 * 255^2
        double twoSigma2 = 2 * cfg.colourSigma() * cfg.colourSigma();
        this.colourLutStep = 4f;
        this.colourLut = new float[(int) (3 * 255 * 255 / colourLutStep) + 2];
        for (int i = 0; i < colourLut.length; i++) {
            colourLut[i] = (float) Math.exp(-(i * colourLutStep) / twoSigma2);
        }
    }

    /** Unnormalised displacement weights of hidden patch p, from frame-1 {@code view}. */
    Displacements pool(int p, Frame1View view, PosteriorSource posteriors) {
        return cfg.productPooling()
                ? byProduct(p, view, posteriors)
                : byMixture(p, view, posteriors);
    }

    /**
     * Robust product of experts: every neighbour scores each candidate displacement by how much it
     * believes in it and how well the content it would bring resembles that neighbour, floored so
     * that a neighbour on another surface vetoes nothing on its own.
     */
    private Displacements byProduct(int p, Frame1View view, PosteriorSource posteriors) {
        int xp = (p % GRID) * PATCH;
        int yp = (p / GRID) * PATCH;
        int[] near = revealed.neighbours(p);
        float[] weights = revealed.weights(p);
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
                float[] colour = revealed.mean(near[i]);
                float d2 = sq(m0 - colour[0]) + sq(m1 - colour[1]) + sq(m2 - colour[2]);
                float support = colourLut[(int) (d2 / colourLutStep)] * experts[i].relativeAt(d);
                score += weights[i] * (float) Math.log(floor + support);
            }
            acc[d] = score;
            best = Math.max(best, score);
        }
        float invT = (float) (1 / cfg.poolTemperature());
        for (int u = 0; u < used; u++) {
            acc[order[u]] = (float) Math.exp((acc[order[u]] - best) * invT);
        }
        return new Displacements(acc, order, used);
    }

    private static float sq(float v) {
        return v * v;
    }

    private boolean inBounds(int xp, int yp, int d) {
        int zx = xp - (d % span - radius);
        int zy = yp - (d / span - radius);
        return zx >= 0 && zy >= 0 && zx <= MAX_POS && zy <= MAX_POS;
    }

    private Displacements byMixture(int p, Frame1View view, PosteriorSource posteriors) {
        int xp = (p % GRID) * PATCH;
        int yp = (p / GRID) * PATCH;
        float[] acc = new float[span * span];
        int[] order = new int[span * span];
        int used = 0;
        int[] near = revealed.neighbours(p);
        float[] weights = revealed.weights(p);
        for (int i = 0; i < near.length; i++) {
            Posterior post = posteriors.get(near[i]);
            float[] colour = revealed.mean(near[i]);
            float a = weights[i];
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
        return new Displacements(acc, order, used);
    }

    /** Where the j-th revealed patch's posterior comes from (clean or perturbed). */
    @FunctionalInterface
    interface PosteriorSource {
        Posterior get(int revealedIndex);
    }
}
