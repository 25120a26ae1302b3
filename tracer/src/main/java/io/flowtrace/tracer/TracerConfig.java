package io.flowtrace.tracer;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.Readout;

/**
 * Every knob of the KL-tracing recipe, immutable and validated once.
 *
 * @param probe perturbation, mask ratio, readout and map size of each probe step
 * @param masks number of random masks averaged per scale
 * @param baseSeed mask k uses seed {@code baseSeed + k}
 * @param zoomIterations zoom refinements after the full-frame pass
 * @param zoomShrink factor applied to the crop side at each zoom after the first
 * @param position where the estimate is placed inside the peak cell
 * @param occlusionThreshold a final peak below this marks the point occluded
 * @param batchPairs crop pairs per model request at zoom levels
 * @param hiddenOnlyMean average each map cell only over the masks that hid its patch (true), or
 *     over all masks as the paper does (false)
 */
public record TracerConfig(
        ProbeParams probe,
        int masks,
        long baseSeed,
        int zoomIterations,
        double zoomShrink,
        ReadoutPosition position,
        double occlusionThreshold,
        int batchPairs,
        boolean hiddenOnlyMean) {

    public TracerConfig {
        if (probe == null) {
            throw new IllegalArgumentException("probe parameters are required");
        }
        if (masks < 1) {
            throw new IllegalArgumentException("at least one mask is required, was " + masks);
        }
        if (zoomIterations < 0) {
            throw new IllegalArgumentException(
                    "zoom iterations must be >= 0, was " + zoomIterations);
        }
        if (!(zoomShrink > 0 && zoomShrink <= 1)) {
            throw new IllegalArgumentException("zoom shrink must be in (0, 1], was " + zoomShrink);
        }
        if (position == null) {
            throw new IllegalArgumentException("readout position is required");
        }
        if (!(occlusionThreshold >= 0) || !Double.isFinite(occlusionThreshold)) {
            throw new IllegalArgumentException(
                    "occlusion threshold must be >= 0, was " + occlusionThreshold);
        }
        if (batchPairs < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, was " + batchPairs);
        }
    }

    /**
     * The paper's recipe: sigma 2, amplitude 255, mask ratio 0.9, 5 masks from seed 1110, 4 zooms
     * shrinking by 0.75, KL on 32x32 maps read at the top-left of the peak patch, occlusion below
     * 0.4.
     */
    public static TracerConfig paper() {
        return new TracerConfig(
                ProbeParams.PAPER, 5, 1110, 4, 0.75, ReadoutPosition.TOP_LEFT, 0.4, 16, false);
    }

    /**
     * The defaults for the reference model: the paper's recipe with 64x64 maps (all four codes of a
     * patch) and a sub-cell centroid readout, which measured best on the dev tasks.
     */
    public static TracerConfig defaults() {
        return paper().withProbe(ProbeParams.PAPER.withMapSize(ModelTensors.FINE_GRID))
                .withPosition(ReadoutPosition.CENTROID)
                .withHiddenOnlyMean(true);
    }

    public TracerConfig withHiddenOnlyMean(boolean h) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                zoomIterations,
                zoomShrink,
                position,
                occlusionThreshold,
                batchPairs,
                h);
    }

    /** The RGB-difference (CWM style) variant of a config. */
    public TracerConfig withRgbDifference() {
        return withProbe(probe.withReadout(Readout.RGB_DIFF));
    }

    public TracerConfig withProbe(ProbeParams p) {
        return new TracerConfig(
                p,
                masks,
                baseSeed,
                zoomIterations,
                zoomShrink,
                position,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withMasks(int m) {
        return new TracerConfig(
                probe,
                m,
                baseSeed,
                zoomIterations,
                zoomShrink,
                position,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withBaseSeed(long s) {
        return new TracerConfig(
                probe,
                masks,
                s,
                zoomIterations,
                zoomShrink,
                position,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withZoomIterations(int z) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                z,
                zoomShrink,
                position,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withZoomShrink(double f) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                zoomIterations,
                f,
                position,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withPosition(ReadoutPosition p) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                zoomIterations,
                zoomShrink,
                p,
                occlusionThreshold,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withOcclusionThreshold(double t) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                zoomIterations,
                zoomShrink,
                position,
                t,
                batchPairs,
                hiddenOnlyMean);
    }

    public TracerConfig withBatchPairs(int b) {
        return new TracerConfig(
                probe,
                masks,
                baseSeed,
                zoomIterations,
                zoomShrink,
                position,
                occlusionThreshold,
                b,
                hiddenOnlyMean);
    }

    /** The mask seeds of one scale. */
    public long[] seeds() {
        long[] seeds = new long[masks];
        for (int k = 0; k < masks; k++) {
            seeds[k] = baseSeed + k;
        }
        return seeds;
    }

    /** Model passes per point: clean and perturbed, per mask, per scale. */
    public int passesPerPoint() {
        return 2 * masks * (zoomIterations + 1);
    }
}
