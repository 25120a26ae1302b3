package io.flowtrace.task;

import io.flowtrace.frames.AtomicFiles;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes task CSV files atomically, with coordinates at 3 decimals. */
final class CsvWriting {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvWriting() {}

    /**
     * Replaces {@code file} with {@code header} followed by one row per item, formatted while
     * streaming to the temporary file.
     */
    static <T> void write(
            Path file, List<String> header, List<T> items, Function<T, List<String>> row) {
        AtomicFiles.write(
                file,
                out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
                    printer.printRecord(header);
                    for (T item : items) {
                        printer.printRecord(row.apply(item));
                    }
                    printer.flush();
                });
    }

    /** A coordinate with 3 decimals, never "-0.000". */
    static String coordinate(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.equals("-0.000") ? "0.000" : text;
    }
}
