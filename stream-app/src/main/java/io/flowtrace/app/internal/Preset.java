package io.flowtrace.app.internal;

import io.flowtrace.tracer.TracerConfig;

/** A named starting point for the tracking recipe, which the recipe options then adjust. */
public enum Preset {
    /** {@link TracerConfig#defaults()}: tuned for the reference model. */
    DEFAULT,
    /** {@link TracerConfig#paper()}: the published recipe. */
    PAPER,
    /** The default recipe with 2 masks per scale and 3 zooms: about a third of its passes. */
    FAST,
    /** {@link TracerConfig#efficient()}: the default recipe's estimates for far fewer tokens. */
    EFFICIENT;

    /** Masks averaged per scale by {@link #FAST}. */
    static final int FAST_MASKS = 2;

    /** Zoom refinements of {@link #FAST}. */
    static final int FAST_ZOOMS = 3;

    /** The recipe this preset names. */
    public TracerConfig config() {
        return switch (this) {
            case DEFAULT -> TracerConfig.defaults();
            case PAPER -> TracerConfig.paper();
            case FAST ->
                    TracerConfig.defaults().withMasks(FAST_MASKS).withZoomIterations(FAST_ZOOMS);
            case EFFICIENT -> TracerConfig.efficient();
        };
    }

    /** Parses {@code default}, {@code paper}, {@code fast} and {@code efficient}. */
    public static final class Converter extends CliEnums.Converter<Preset> {
        public Converter() {
            super(Preset.class);
        }
    }
}
