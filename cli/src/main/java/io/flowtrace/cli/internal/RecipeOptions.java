package io.flowtrace.cli.internal;

import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.SequencePlan;
import io.flowtrace.tracer.Preset;
import io.flowtrace.tracer.ReadoutPosition;
import io.flowtrace.tracer.TracerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The recipe knobs of {@code flowtrace track}: a preset, then any knob given overrides it. Knobs
 * left out keep the preset's value.
 */
public final class RecipeOptions {

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "default",
            converter = CliEnums.PresetConverter.class,
            description =
                    "default (tuned for the reference model), paper, fast (default with"
                            + " fewer masks) or efficient (default's estimates, shared prefixes"
                            + " and windowed queries); default: default")
    private Preset preset;

    @Option(names = "--sigma", paramLabel = "PX", description = "Gaussian dot sigma, crop pixels")
    private Double sigma;

    @Option(names = "--amplitude", paramLabel = "A", description = "dot amplitude, 0..255 levels")
    private Double amplitude;

    @Option(
            names = "--mask-ratio",
            paramLabel = "R",
            description = "fraction of frame-2 patches hidden, in [0, 1)")
    private Double maskRatio;

    @Option(names = "--masks", paramLabel = "N", description = "random masks averaged per scale")
    private Integer masks;

    @Option(names = "--seed", paramLabel = "S", description = "mask k uses seed S + k")
    private Long seed;

    @Option(names = "--zooms", paramLabel = "N", description = "zoom refinements after scale 0")
    private Integer zooms;

    @Option(
            names = "--zoom-shrink",
            paramLabel = "F",
            description = "crop side factor per zoom after the first, in (0, 1]")
    private Double zoomShrink;

    @Option(names = "--map-size", paramLabel = "N", description = "divergence map side: 32 or 64")
    private Integer mapSize;

    @Option(
            names = "--readout-position",
            paramLabel = "P",
            converter = PositionConverter.class,
            description = "top-left, center or centroid of the peak cell")
    private ReadoutPosition position;

    @Option(
            names = "--occlusion-threshold",
            paramLabel = "T",
            description = "final peak below T marks a point occluded")
    private Double occlusionThreshold;

    @Option(
            names = "--zoom-search",
            paramLabel = "CELLS",
            description =
                    "at each zoom, look for the peak within this many cells of the previous"
                            + " scale; 0 = whole map")
    private Double zoomSearchCells;

    @Option(
            names = "--cycle-tolerance",
            paramLabel = "PX",
            description =
                    "track estimates back to frame 1 at the last zoom; farther than PX crop pixels"
                            + " from the query = occluded; 0 = off")
    private Double cycleTolerance;

    @Option(
            names = "--hidden-mean",
            paramLabel = "BOOL",
            arity = "1",
            description = "average each map cell only over masks that hid its patch")
    private Boolean hiddenMean;

    @Option(
            names = "--sequence-plan",
            paramLabel = "PLAN",
            converter = PlanConverter.class,
            description =
                    "how the model computes the sequences: plain, shared, or the bits 0..7 (1"
                            + " shared prefix, 2 one frame-1 order, 4 independent queries)")
    private SequencePlan plan;

    @Option(
            names = "--windowed-queries",
            paramLabel = "BOOL",
            arity = "1",
            description = "at each zoom, query only the patches the peak search can read")
    private Boolean windowedQueries;

    @Option(
            names = "--full-frame-map-size",
            paramLabel = "N",
            description = "map side of the full-frame pass (scale 0): 32 or 64; 0 = --map-size")
    private Integer fullFrameMapSize;

    @Option(
            names = "--motion-prior",
            paramLabel = "PX",
            description =
                    "frame-by-frame protocols: start a point moving steadily at its expected"
                            + " position, searching PX pixels around it, instead of the full frame;"
                            + " 0 = off")
    private Double motionPrior;

    @Option(names = "--batch", paramLabel = "N", description = "crop pairs per model request")
    private Integer batch;

    /**
     * The recipe {@code options} describe, or the default preset's when picocli left the group
     * unset because no recipe option was given.
     *
     * @throws ParameterException naming the bad value when a knob is out of range
     */
    public static TracerConfig configOf(RecipeOptions options, CommandLine commandLine) {
        try {
            return (options == null ? new RecipeOptions() : options).toConfig();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "Invalid recipe: " + e.getMessage(), e);
        }
    }

    /**
     * The preset with every given knob applied.
     *
     * @throws IllegalArgumentException naming the bad value when a knob is out of range
     */
    public TracerConfig toConfig() {
        TracerConfig config = (preset == null ? Preset.DEFAULT : preset).config();
        config = config.withProbe(probe(config.probe()));
        if (masks != null) {
            config = config.withMasks(masks);
        }
        if (seed != null) {
            config = config.withBaseSeed(seed);
        }
        if (zooms != null) {
            config = config.withZoomIterations(zooms);
        }
        if (zoomShrink != null) {
            config = config.withZoomShrink(zoomShrink);
        }
        if (position != null) {
            config = config.withPosition(position);
        }
        if (occlusionThreshold != null) {
            config = config.withOcclusionThreshold(occlusionThreshold);
        }
        if (zoomSearchCells != null) {
            config = config.withZoomSearchCells(zoomSearchCells);
        }
        if (cycleTolerance != null) {
            config = config.withCycleTolerance(cycleTolerance);
        }
        if (hiddenMean != null) {
            config = config.withHiddenOnlyMean(hiddenMean);
        }
        if (windowedQueries != null) {
            config = config.withWindowedQueries(windowedQueries);
        }
        if (motionPrior != null) {
            config = config.withMotionPriorRadius(motionPrior);
        }
        if (fullFrameMapSize != null) {
            config = config.withFullFrameMapSize(fullFrameMapSize);
        }
        return batch == null ? config : config.withBatchPairs(batch);
    }

    private ProbeParams probe(ProbeParams probe) {
        if (sigma != null) {
            probe = probe.withSigma(sigma);
        }
        if (amplitude != null) {
            probe = probe.withAmplitude(amplitude);
        }
        if (maskRatio != null) {
            probe = probe.withMaskRatio(maskRatio);
        }
        if (plan != null) {
            probe = probe.withPlan(plan);
        }
        return mapSize == null ? probe : probe.withMapSize(mapSize);
    }

    /** Parses {@code plain}, {@code shared} and 0..7. */
    public static final class PlanConverter implements CommandLine.ITypeConverter<SequencePlan> {
        @Override
        public SequencePlan convert(String value) {
            try {
                return SequencePlan.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@code top-left}, {@code center} and {@code centroid}. */
    public static final class PositionConverter extends CliEnums.Converter<ReadoutPosition> {
        public PositionConverter() {
            super(ReadoutPosition.class);
        }
    }
}
