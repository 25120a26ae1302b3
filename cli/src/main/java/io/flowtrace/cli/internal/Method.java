package io.flowtrace.cli.internal;

import io.flowtrace.cli.baseline.BaselineTrackers;
import io.flowtrace.cli.baseline.DenseFlow;
import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.tracer.TracerConfig;
import java.util.function.Supplier;

/**
 * How points are tracked from one frame to another. Each method makes a {@link PairTracker};
 * methods that need no probe model (e.g. classical baselines) simply never ask for one.
 */
public enum Method {
    /** KL-tracing: KL divergence between clean and perturbed code distributions. */
    KLTRACE,
    /** Counterfactual probing read out as the RGB difference of the predictions (CWM style). */
    RGBDIFF,
    /** OpenCV's DIS dense flow (medium preset), sampled at each point. */
    DIS,
    /** OpenCV's Farneback dense flow, sampled at each point. */
    FARNEBACK,
    /** OpenCV's pyramidal Lucas-Kanade on the points themselves. */
    LK;

    /** The method's dense flow, for methods that compute one for every pixel. */
    public java.util.Optional<io.flowtrace.cli.baseline.DenseFlow> denseFlow() {
        return switch (this) {
            case DIS -> java.util.Optional.of(io.flowtrace.cli.baseline.DenseFlow.dis());
            case FARNEBACK ->
                    java.util.Optional.of(io.flowtrace.cli.baseline.DenseFlow.farneback());
            case KLTRACE, RGBDIFF, LK -> java.util.Optional.empty();
        };
    }

    /** Whether this method probes a model, and so follows a KL-tracing recipe. */
    public boolean probesModel() {
        return switch (this) {
            case KLTRACE, RGBDIFF -> true;
            case DIS, FARNEBACK, LK -> false;
        };
    }

    /**
     * A tracker for this method with {@code recipe}, taking a model from {@code models} if it needs
     * one; closing the tracker closes that model. The OpenCV baselines ignore both.
     */
    public PairTracker tracker(TracerConfig recipe, Supplier<ProbeModel> models) {
        return switch (this) {
            case KLTRACE -> new ProbeTracker(models.get(), recipe);
            case RGBDIFF -> new ProbeTracker(models.get(), recipe.withRgbDifference());
            case DIS -> BaselineTrackers.dense(DenseFlow.dis());
            case FARNEBACK -> BaselineTrackers.dense(DenseFlow.farneback());
            case LK -> BaselineTrackers.lucasKanade();
        };
    }

    /** Parses the methods' command-line names. */
    public static final class Converter extends CliEnums.Converter<Method> {
        public Converter() {
            super(Method.class);
        }
    }

    /** The methods' command-line names, for help text. */
    public static final class Names extends CliEnums.Names<Method> {
        public Names() {
            super(Method.class);
        }
    }
}
