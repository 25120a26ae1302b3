package io.flowtrace.task;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a task CSV file with a fixed header into rows that know their line number. */
final class CsvRows {

    /**
     * Empty lines are kept as records so that record numbers stay equal to line numbers (task files
     * have no quoted line breaks); blank rows are skipped below.
     */
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvRows() {}

    /** The data rows of {@code file}, after checking that its first line is {@code header}. */
    static List<CsvRow> read(Path file, List<String> header) {
        if (!Files.isRegularFile(file)) {
            throw new TaskFormatException(file, "file not found");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            return rows(file, header, parser);
        } catch (NoSuchFileException e) {
            throw new TaskFormatException(file, 0, "file not found", e);
        } catch (IOException e) {
            throw new TaskFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static List<CsvRow> rows(Path file, List<String> header, CSVParser parser) {
        List<CsvRow> rows = new ArrayList<>();
        Iterator<CSVRecord> records = parser.iterator();
        try {
            checkHeader(file, header, records.hasNext() ? records.next() : null);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                List<String> values = record.toList();
                if (values.size() != header.size()) {
                    throw new TaskFormatException(
                            file,
                            record.getRecordNumber(),
                            "expected "
                                    + header.size()
                                    + " columns ("
                                    + String.join(",", header)
                                    + "), found "
                                    + values.size());
                }
                rows.add(new CsvRow(file, record.getRecordNumber(), header, values));
            }
        } catch (UncheckedIOException e) {
            throw new TaskFormatException(
                    file,
                    parser.getCurrentLineNumber() + 1,
                    "malformed CSV: " + e.getCause().getMessage(),
                    e);
        }
        return rows;
    }

    private static void checkHeader(Path file, List<String> expected, CSVRecord first) {
        String wanted = String.join(",", expected);
        if (first == null) {
            throw new TaskFormatException(file, 1, "missing header, expected '" + wanted + "'");
        }
        List<String> found = new ArrayList<>(first.toList());
        if (!found.isEmpty()
                && !found.get(0).isEmpty()
                && found.get(0).charAt(0) == BYTE_ORDER_MARK) {
            found.set(0, found.get(0).substring(1).trim());
        }
        if (!found.equals(expected)) {
            throw new TaskFormatException(
                    file,
                    first.getRecordNumber(),
                    "wrong header '" + String.join(",", found) + "', expected '" + wanted + "'");
        }
    }
}
