package io.flowtrace.cli.internal;

import io.flowtrace.tracer.Preset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line spellings of enum constants: lower case with hyphens ({@code TOP_LEFT} is {@code
 * top-left}).
 */
public final class CliEnums {

    private CliEnums() {}

    /** The command-line spelling of {@code value}. */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The spellings of every constant of {@code type}, in declaration order. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(CliEnums::name).toList();
    }

    /**
     * The constant of {@code type} spelled {@code text} (case-insensitive).
     *
     * @throws TypeConversionException naming the accepted spellings and the bad value
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (name(value).equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        throw new TypeConversionException(
                "expected one of " + String.join(", ", names(type)) + ", was '" + text + "'");
    }

    /** Parses {@code default}, {@code paper}, {@code fast} and {@code efficient}. */
    public static final class PresetConverter extends Converter<Preset> {
        public PresetConverter() {
            super(Preset.class);
        }
    }

    /** A picocli converter for the spellings of one enum. */
    public abstract static class Converter<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String text) {
            return parse(type, text);
        }
    }

    /** The spellings of one enum, for picocli's {@code ${COMPLETION-CANDIDATES}} in help. */
    public abstract static class Names<E extends Enum<E>> implements Iterable<String> {
        private final Class<E> type;

        protected Names(Class<E> type) {
            this.type = type;
        }

        @Override
        public Iterator<String> iterator() {
            return names(type).iterator();
        }
    }
}
