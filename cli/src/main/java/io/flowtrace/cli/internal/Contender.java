package io.flowtrace.cli.internal;

import io.flowtrace.tracer.Preset;
import io.flowtrace.tracer.TracerConfig;
import java.util.ArrayList;
import java.util.List;
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
     * Parses {@code METHOD}, {@code METHOD:PRESET} or either followed by recipe knobs, {@code
     * kltrace:efficient+masks=3+full-frame-map-size=32} (the options of {@code flowtrace track}
     * without their dashes); presets and knobs only apply to probing methods.
     *
     * @throws IllegalArgumentException naming the bad part and what is accepted
     */
    public static Contender parse(String text) {
        String spec = text.strip().toLowerCase(java.util.Locale.ROOT);
        int plus = spec.indexOf('+');
        if (plus >= 0) {
            Contender base = parse(spec.substring(0, plus));
            if (!base.method.probesModel()) {
                throw new IllegalArgumentException(
                        "method '" + base.name + "' takes no recipe knobs, was '" + text + "'");
            }
            String preset =
                    base.name.indexOf(':') < 0
                            ? "default"
                            : base.name.substring(base.name.indexOf(':') + 1);
            List<String> args = new ArrayList<>(List.of("--preset", preset));
            for (String knob : spec.substring(plus + 1).split("\\+")) {
                int eq = knob.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "a recipe knob reads NAME=VALUE, was '" + knob + "' in '" + text + "'");
                }
                args.add("--" + knob.substring(0, eq));
                args.add(knob.substring(eq + 1));
            }
            RecipeOptions options = new RecipeOptions();
            try {
                new picocli.CommandLine(options).parseArgs(args.toArray(String[]::new));
            } catch (picocli.CommandLine.ParameterException e) {
                throw new IllegalArgumentException(
                        "bad recipe knob in '" + text + "': " + e.getMessage(), e);
            }
            return new Contender(spec, base.method, options.toConfig());
        }
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

    /**
     * A name safe for a file: the spelling with {@code :}, {@code +} and {@code =} as {@code -}.
     */
    public String fileName() {
        return name.replace(':', '-').replace('+', '-').replace('=', '-');
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
