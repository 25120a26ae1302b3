package io.flowtrace.model.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.model.ReferenceModelConfig;

/**
 * The reference model conditioned on one crop pair and one reveal mask: all of frame 1 and the
 * revealed frame-2 patches, never a hidden frame-2 pixel.
 *
 * <p>Each revealed patch gets a posterior over displacements ({@link RevealedPatches}); a hidden
 * patch pools its nearest revealed patches' posteriors into a displacement distribution ({@link
 * DisplacementPooling}) and predicts its codes as the mixture of the frame-1 cells it would come
 * from ({@link CellCodes}). Clean results are cached; {@link #predictPerturbed} recomputes only
 * what a perturbation can reach.
 */
final class MaskedPrediction {

    private static final int PATCH = ModelTensors.PATCH_SIZE;
    private static final int GRID = ModelTensors.GRID;

    private final CleanFrame frame1;
    private final boolean[] revealed;
    private final RevealedPatches evidence;
    private final DisplacementPooling pooling;
    private final CellCodes codes;
    private final Posterior[] cleanPosteriors;
    private final PatchPrediction[] cleanPatches = new PatchPrediction[ModelTensors.PATCHES];
    private final int radius;

    MaskedPrediction(
            ReferenceModelConfig cfg,
            CleanFrame frame1,
            byte[] frame2,
            boolean[] revealed,
            int cells,
            boolean withRgb) {
        this.frame1 = frame1;
        this.revealed = revealed;
        this.radius = cfg.searchRadius();
        this.evidence = new RevealedPatches(cfg, frame2, revealed);
        this.pooling = new DisplacementPooling(cfg, evidence);
        this.codes = new CellCodes(cfg, cells, withRgb);
        this.cleanPosteriors = new Posterior[evidence.count()];
    }

    /** Fills every clean cache so the prediction can be shared by threads. */
    void computeAll() {
        for (int j = 0; j < evidence.count(); j++) {
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
            cleanPosteriors[j] = evidence.posterior(j, frame1);
        }
        return cleanPosteriors[j];
    }

    PatchPrediction cleanPatch(int p) {
        if (cleanPatches[p] == null) {
            cleanPatches[p] = predict(p, frame1, this::cleanPosterior);
        }
        return cleanPatches[p];
    }

    private PatchPrediction predict(
            int p, Frame1View view, DisplacementPooling.PosteriorSource posteriors) {
        return codes.predict(p, view, pooling.pool(p, view, posteriors));
    }

    /**
     * Predictions of the hidden patches the perturbation can change, with frame 1 replaced by
     * {@code view}; entries for unchanged and revealed patches are null.
     */
    PatchPrediction[] predictPerturbed(Frame1View view, Box changed, QueryWindow window) {
        Posterior[] perturbed = new Posterior[evidence.count()];
        boolean[] touched = new boolean[evidence.count()];
        for (int j = 0; j < evidence.count(); j++) {
            if (reaches(evidence.patch(j), changed)) {
                touched[j] = true;
                perturbed[j] = evidence.posterior(j, view);
            }
        }
        PatchPrediction[] out = new PatchPrediction[ModelTensors.PATCHES];
        for (int p = 0; p < ModelTensors.PATCHES; p++) {
            if (revealed[p] || !window.meets(p) || !affected(p, changed, touched)) {
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
        for (int j : evidence.neighbours(p)) {
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
}
