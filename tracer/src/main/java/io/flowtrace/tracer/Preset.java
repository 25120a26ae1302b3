package io.flowtrace.tracer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A named recipe, the starting point that options then adjust; spelled in lower case ({@code
 * efficient}).
 */
public enum Preset {
    /** {@link TracerConfig#defaults()}: tuned for the reference model. */
    DEFAULT,
    /** {@link TracerConfig#paper()}: the published recipe. */
    PAPER,
    /** {@link TracerConfig#fast()}: the default recipe with about a third of its passes. */
    FAST,
    /** {@link TracerConfig#efficient()}: the default recipe's estimates for far fewer tokens. */
    EFFICIENT;

    /** The recipe this preset names. */
    public TracerConfig config() {
        return switch (this) {
            case DEFAULT -> TracerConfig.defaults();
            case PAPER -> TracerConfig.paper();
            case FAST -> TracerConfig.fast();
            case EFFICIENT -> TracerConfig.efficient();
        };
    }

    /** The spelling {@link #parse} reads. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The preset spelled {@code name}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the presets there are and the bad name
     */
    public static Preset parse(String name) {
        for (Preset p : values()) {
            if (p.spelling().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "expected one of "
                        + Arrays.stream(values())
                                .map(Preset::spelling)
                                .collect(Collectors.joining(", "))
                        + ", was '"
                        + name
                        + "'");
    }
}
