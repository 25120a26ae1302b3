package io.flowtrace.app.internal;

import io.flowtrace.tracer.TracerConfig;
import java.util.Objects;

/**
 * One method with one recipe, as {@code flowtrace compare} names it: {@code kltrace}, {@code
 * kltrace:paper}, {@code kltrace:fast}, {@code rgbdiff}, {@code dis}, ...
 *
 * @param name the spelling given on the command line, normalised to lower case
 * @param method how pairs are tracked
 * @param recipe the KL-tracing recipe (ignored by methods that do not probe a model)
 */
public record Contender(String name, Method method, TracerConfig recipe) {

    public Contender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(recipe, "recipe");
    }

    /**
     * Parses {@code METHOD} or {@code METHOD:PRESET}; a preset only applies to probing methods.
     *
     * @throws IllegalArgumentException naming the bad part and what is accepted
     */
    public static Contender parse(String text) {
        String spec = text.strip().toLowerCase(java.util.Locale.ROOT);
        int colon = spec.indexOf(':');
        String methodName = colon < 0 ? spec : spec.substring(0, colon);
        Method method = CliEnums.parse(Method.class, methodName);
        if (colon < 0) {
            return new Contender(spec, method, Preset.DEFAULT.config());
        }
        if (!method.probesModel()) {
            throw new IllegalArgumentException(
                    "method '" + methodName + "' takes no recipe preset, was '" + text + "'");
        }
        Preset preset = CliEnums.parse(Preset.class, spec.substring(colon + 1));
        return new Contender(spec, method, preset.config());
    }

    /** A name safe for a file: the spelling with {@code :} replaced by {@code -}. */
    public String fileName() {
        return name.replace(':', '-');
    }

    /** Parses contenders for picocli, turning a bad spelling into a usage error. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<Contender> {
        @Override
        public Contender convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
