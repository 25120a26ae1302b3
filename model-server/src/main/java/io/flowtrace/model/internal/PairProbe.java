package io.flowtrace.model.internal;

import io.flowtrace.inference.GaussianDot;
import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeCost;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.RevealMask;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.model.ReferenceModelConfig;
import java.util.stream.IntStream;

/**
 * Runs the probe step of one crop pair: per seed, one clean prediction shared by every point, and
 * per point a perturbed prediction compared cell by cell, inside the pair's query window. The
 * tokens reported are what LRAS would compute for the same request ({@link ProbeCost}); the
 * sequence plan does not change this model's maps, which have no frame-1 order.
 */
public final class PairProbe {

    /** Points from which a pair's clean caches are filled up front and points run in parallel. */
    private static final int PARALLEL_POINTS = 8;

    private final ReferenceModelConfig cfg;
    private final LocalQuantizer quantizer;

    public PairProbe(ReferenceModelConfig cfg, LocalQuantizer quantizer) {
        this.cfg = cfg;
        this.quantizer = quantizer;
    }

    public ProbeMaps run(ProbePair pair, ProbeParams params) {
        int points = pair.pointCount();
        int seeds = pair.seeds().length;
        int g = params.mapSize();
        int cells = g == ModelTensors.FINE_GRID ? 4 : 1;
        boolean parallel = points >= PARALLEL_POINTS;
        CleanFrame frame1 =
                new CleanFrame(pair.frame1().rgb(), quantizer, (float) cfg.bitSharpness());
        if (parallel) {
            frame1.computeAll();
        }
        MaskedPrediction[] masks = new MaskedPrediction[seeds];
        IntStream seedRange = IntStream.range(0, seeds);
        (parallel ? seedRange.parallel() : seedRange)
                .forEach(
                        s -> {
                            masks[s] =
                                    new MaskedPrediction(
                                            cfg,
                                            frame1,
                                            pair.frame2().rgb(),
                                            RevealMask.revealed(
                                                    pair.seeds()[s], params.maskRatio()),
                                            cells,
                                            params.readout() == Readout.RGB_DIFF);
                            if (parallel) {
                                masks[s].computeAll();
                            }
                        });
        float[] values = new float[points * seeds * g * g];
        IntStream pointRange = IntStream.range(0, points);
        (parallel ? pointRange.parallel() : pointRange)
                .forEach(i -> probePoint(pair, params, frame1, masks, i, values));
        return new ProbeMaps(points, seeds, g, values, ProbeCost.tokens(pair, params));
    }

    private void probePoint(
            ProbePair pair,
            ProbeParams params,
            CleanFrame frame1,
            MaskedPrediction[] masks,
            int point,
            float[] values) {
        RgbImage dotted =
                GaussianDot.apply(
                        pair.frame1(),
                        pair.x(point),
                        pair.y(point),
                        params.sigma(),
                        params.amplitude());
        Box changed = changedBox(pair, point, params);
        if (changed == null) {
            return; // nothing changed: every map stays zero
        }
        PerturbedFrame view = new PerturbedFrame(frame1, dotted.rgb(), changed);
        int g = params.mapSize();
        for (int s = 0; s < masks.length; s++) {
            MaskedPrediction mask = masks[s];
            PatchPrediction[] perturbed = mask.predictPerturbed(view, changed, pair.window());
            int base = (point * masks.length + s) * g * g;
            for (int p = 0; p < perturbed.length; p++) {
                if (perturbed[p] != null) { // null outside the window too
                    write(mask.cleanPatch(p), perturbed[p], p, g, params.readout(), values, base);
                }
            }
        }
    }

    private static void write(
            PatchPrediction clean,
            PatchPrediction perturbed,
            int patch,
            int g,
            Readout readout,
            float[] values,
            int base) {
        int row = patch / ModelTensors.GRID;
        int col = patch % ModelTensors.GRID;
        int cellsPerSide = g / ModelTensors.GRID;
        for (int cell = 0; cell < cellsPerSide * cellsPerSide; cell++) {
            double v =
                    readout == Readout.KL
                            ? clean.klTo(perturbed, cell)
                            : clean.rgbDistanceTo(perturbed, cell);
            int r = row * cellsPerSide + cell / 2;
            int c = col * cellsPerSide + cell % 2;
            values[base + r * g + c] = (float) Math.max(0, v);
        }
    }

    /** The bounding box of the pixels the point's dot changes, or null when it changes none. */
    private static Box changedBox(ProbePair pair, int point, ProbeParams params) {
        int[] box = {CleanFrame.SIZE, CleanFrame.SIZE, -1, -1};
        GaussianDot.forEachChangedPixel(
                pair.frame1(),
                pair.x(point),
                pair.y(point),
                params.sigma(),
                params.amplitude(),
                (u, v) -> {
                    box[0] = Math.min(box[0], u);
                    box[1] = Math.min(box[1], v);
                    box[2] = Math.max(box[2], u);
                    box[3] = Math.max(box[3], v);
                });
        return box[2] < 0 ? null : new Box(box[0], box[1], box[2], box[3]);
    }
}
