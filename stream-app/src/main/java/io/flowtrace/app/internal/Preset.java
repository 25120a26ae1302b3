package io.flowtrace.app.internal;

import io.flowtrace.tracer.TracerConfig;

/** A named starting point for the tracking recipe, which the recipe options then adjust. */
public enum Preset {
    /** {@link TracerConfig#defaults()}: tuned for the reference model. */
    DEFAULT,
    /** {@link TracerConfig#paper()}: the published recipe. */
    PAPER;

    /** The recipe this preset names. */
    public TracerConfig config() {
        return switch (this) {
            case DEFAULT -> TracerConfig.defaults();
            case PAPER -> TracerConfig.paper();
        };
    }

    /** Parses {@code default} and {@code paper}. */
    public static final class Converter extends CliEnums.Converter<Preset> {
        public Converter() {
            super(Preset.class);
        }
    }
}
