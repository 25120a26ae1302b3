package io.flowtrace.tracer;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.SequencePlan;
import java.io.Serializable;

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
 * @param zoomSearchCells at each zoom, only peaks within this many map cells of the previous scale
 *     from the previous estimate are considered (coarse-to-fine); 0 searches the whole map as the
 *     paper does
 * @param cycleTolerance a point whose estimate, tracked back, lands further than this many crop
 *     pixels from its query is marked occluded; 0 turns the check off
 * @param windowedQueries at each zoom, ask the model only for the hidden patches that the search
 *     around the previous estimate can read (needs {@code zoomSearchCells > 0}); the estimates do
 *     not change, the tokens computed fall
 * @param fullFrameMapSize map size of the full-frame pass (scale 0), 32 or 64; 0 uses the probe's
 * @param motionPriorRadius how far, in image pixels, a point may lie from its prior (its expected
 *     position from its motion so far); a point with a prior starts its search there instead of the
 *     full frame. 0 ignores priors
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
        boolean hiddenOnlyMean,
        double zoomSearchCells,
        double cycleTolerance,
        boolean windowedQueries,
        int fullFrameMapSize,
        double motionPriorRadius)
        implements Serializable {

    private static final long serialVersionUID = 1L;

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
        if (!(zoomSearchCells >= 0)) {
            throw new IllegalArgumentException(
                    "zoom search cells must be >= 0, was " + zoomSearchCells);
        }
        if (!(cycleTolerance >= 0)) {
            throw new IllegalArgumentException(
                    "cycle tolerance must be >= 0, was " + cycleTolerance);
        }
        if (fullFrameMapSize != 0
                && fullFrameMapSize != ModelTensors.GRID
                && fullFrameMapSize != ModelTensors.FINE_GRID) {
            throw new IllegalArgumentException(
                    "full-frame map size must be 0 (the probe's), 32 or 64, was "
                            + fullFrameMapSize);
        }
        if (!(motionPriorRadius >= 0) || Double.isInfinite(motionPriorRadius)) {
            throw new IllegalArgumentException(
                    "motion prior radius must be >= 0 px, was " + motionPriorRadius);
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
                ProbeParams.PAPER,
                5,
                1110,
                4,
                0.75,
                ReadoutPosition.TOP_LEFT,
                0.4,
                16,
                false,
                0,
                0,
                false,
                0,
                0);
    }

    /**
     * The defaults for the reference model: the paper's recipe with 64x64 maps (all four codes of a
     * patch), a sub-cell centroid readout, mask-aware averaging, coarse-to-fine zoom peaks (each
     * zoom looks within two cells of the previous scale) and an occlusion threshold of 0.2 for this
     * model's peaks, which measured best on the dev tasks and generated clips (docs/evaluation.md).
     * The cycle check is off: it cost 20 % more passes for +1 point of visibility accuracy on
     * generated clips and lost 18 points on sintel market_5.
     */
    public static TracerConfig defaults() {
        return paper().toBuilder()
                .probe(ProbeParams.PAPER.withMapSize(ModelTensors.FINE_GRID))
                .position(ReadoutPosition.CENTROID)
                .hiddenOnlyMean(true)
                .zoomSearchCells(2)
                .occlusionThreshold(0.2)
                .build();
    }

    /** The default recipe with 2 masks per scale and 3 zooms: about a third of its passes. */
    public static TracerConfig fast() {
        return defaults().withMasks(2).withZoomIterations(3);
    }

    /**
     * The default recipe at a twentieth of its cost: the model shares each pair's frame-1 prefix
     * between the clean and the perturbed sequences and across seeds ({@link SequencePlan#SHARED}),
     * each zoom queries only the patches its search around the previous estimate can read, and the
     * full-frame pass reads 32x32 maps (the zooms refine). In frame-by-frame tracking, a point
     * whose motion is known starts within {@link #EFFICIENT_PRIOR_RADIUS} pixels of where it should
     * be, at the finest zoom, instead of the full frame. Measured within one point of the default's
     * <δavg on every dev task and generated clip (docs/cost.md).
     */
    public static TracerConfig efficient() {
        return defaults().toBuilder()
                .probe(defaults().probe().withPlan(SequencePlan.SHARED))
                .windowedQueries(true)
                .fullFrameMapSize(ModelTensors.GRID)
                .motionPriorRadius(EFFICIENT_PRIOR_RADIUS)
                .build();
    }

    /** How far, in image pixels, {@link #efficient()} searches around a point's prior. */
    public static final double EFFICIENT_PRIOR_RADIUS = 12;

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The RGB-difference (CWM style) variant of a config. */
    public TracerConfig withRgbDifference() {
        return withProbe(probe.withReadout(Readout.RGB_DIFF));
    }

    public TracerConfig withProbe(ProbeParams p) {
        return toBuilder().probe(p).build();
    }

    public TracerConfig withMasks(int m) {
        return toBuilder().masks(m).build();
    }

    public TracerConfig withBaseSeed(long s) {
        return toBuilder().baseSeed(s).build();
    }

    public TracerConfig withZoomIterations(int z) {
        return toBuilder().zoomIterations(z).build();
    }

    public TracerConfig withZoomShrink(double f) {
        return toBuilder().zoomShrink(f).build();
    }

    public TracerConfig withPosition(ReadoutPosition p) {
        return toBuilder().position(p).build();
    }

    public TracerConfig withOcclusionThreshold(double t) {
        return toBuilder().occlusionThreshold(t).build();
    }

    public TracerConfig withBatchPairs(int b) {
        return toBuilder().batchPairs(b).build();
    }

    public TracerConfig withHiddenOnlyMean(boolean h) {
        return toBuilder().hiddenOnlyMean(h).build();
    }

    public TracerConfig withZoomSearchCells(double c) {
        return toBuilder().zoomSearchCells(c).build();
    }

    public TracerConfig withCycleTolerance(double t) {
        return toBuilder().cycleTolerance(t).build();
    }

    public TracerConfig withWindowedQueries(boolean w) {
        return toBuilder().windowedQueries(w).build();
    }

    public TracerConfig withMotionPriorRadius(double r) {
        return toBuilder().motionPriorRadius(r).build();
    }

    public TracerConfig withFullFrameMapSize(int g) {
        return toBuilder().fullFrameMapSize(g).build();
    }

    /** The probe parameters of the full-frame pass. */
    public ProbeParams fullFrameProbe() {
        return fullFrameMapSize == 0 ? probe : probe.withMapSize(fullFrameMapSize);
    }

    /** The mask seeds of one scale. */
    public long[] seeds() {
        long[] seeds = new long[masks];
        for (int k = 0; k < masks; k++) {
            seeds[k] = baseSeed + k;
        }
        return seeds;
    }

    /** Model passes per point: clean and perturbed, per mask, per scale (and the cycle check). */
    public int passesPerPoint() {
        return 2 * masks * stepsPerPoint();
    }

    /** Probe steps per point: one per scale, and one for the cycle check. */
    public int stepsPerPoint() {
        return zoomIterations + 1 + (cycleTolerance > 0 ? 1 : 0);
    }

    /** Builds a validated {@link TracerConfig}; starts from an existing one. */
    public static final class Builder {
        private ProbeParams probe;
        private int masks;
        private long baseSeed;
        private int zoomIterations;
        private double zoomShrink;
        private ReadoutPosition position;
        private double occlusionThreshold;
        private int batchPairs;
        private boolean hiddenOnlyMean;
        private double zoomSearchCells;
        private double cycleTolerance;
        private boolean windowedQueries;
        private int fullFrameMapSize;
        private double motionPriorRadius;

        private Builder(TracerConfig c) {
            probe = c.probe;
            masks = c.masks;
            baseSeed = c.baseSeed;
            zoomIterations = c.zoomIterations;
            zoomShrink = c.zoomShrink;
            position = c.position;
            occlusionThreshold = c.occlusionThreshold;
            batchPairs = c.batchPairs;
            hiddenOnlyMean = c.hiddenOnlyMean;
            zoomSearchCells = c.zoomSearchCells;
            cycleTolerance = c.cycleTolerance;
            windowedQueries = c.windowedQueries;
            fullFrameMapSize = c.fullFrameMapSize;
            motionPriorRadius = c.motionPriorRadius;
        }

        public Builder probe(ProbeParams v) {
            probe = v;
            return this;
        }

        public Builder masks(int v) {
            masks = v;
            return this;
        }

        public Builder baseSeed(long v) {
            baseSeed = v;
            return this;
        }

        public Builder zoomIterations(int v) {
            zoomIterations = v;
            return this;
        }

        public Builder zoomShrink(double v) {
            zoomShrink = v;
            return this;
        }

        public Builder position(ReadoutPosition v) {
            position = v;
            return this;
        }

        public Builder occlusionThreshold(double v) {
            occlusionThreshold = v;
            return this;
        }

        public Builder batchPairs(int v) {
            batchPairs = v;
            return this;
        }

        public Builder hiddenOnlyMean(boolean v) {
            hiddenOnlyMean = v;
            return this;
        }

        public Builder zoomSearchCells(double v) {
            zoomSearchCells = v;
            return this;
        }

        public Builder cycleTolerance(double v) {
            cycleTolerance = v;
            return this;
        }

        public Builder windowedQueries(boolean v) {
            windowedQueries = v;
            return this;
        }

        public Builder fullFrameMapSize(int v) {
            fullFrameMapSize = v;
            return this;
        }

        public Builder motionPriorRadius(double v) {
            motionPriorRadius = v;
            return this;
        }

        public TracerConfig build() {
            return new TracerConfig(
                    probe,
                    masks,
                    baseSeed,
                    zoomIterations,
                    zoomShrink,
                    position,
                    occlusionThreshold,
                    batchPairs,
                    hiddenOnlyMean,
                    zoomSearchCells,
                    cycleTolerance,
                    windowedQueries,
                    fullFrameMapSize,
                    motionPriorRadius);
        }
    }
}
