package io.flowtrace.task;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** One data row of a task CSV file, with typed accessors that fail naming file, line and column. */
record CsvRow(Path file, long line, List<String> header, List<String> values) {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** Column {@code index} as an int. */
    int integer(int index) {
        String text = values.get(index);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(header.get(index) + " is not an integer: '" + text + "'");
        }
    }

    /** Column {@code index} as a non-negative int (a frame index). */
    int frameIndex(int index) {
        int value = integer(index);
        if (value < 0) {
            throw error(header.get(index) + " must be >= 0, was " + value);
        }
        return value;
    }

    /** Column {@code index} as a finite decimal number (a pixel coordinate). */
    double coordinate(int index) {
        String text = values.get(index);
        if (NOT_FINITE.matcher(text).matches()) {
            throw error(header.get(index) + " must be a finite number, was '" + text + "'");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw error(header.get(index) + " is not a number: '" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw error(header.get(index) + " must be a finite number, was '" + text + "'");
        }
        return value;
    }

    /** Column {@code index} as a 0/1 flag. */
    boolean flag(int index) {
        String text = values.get(index);
        return switch (text) {
            case "0" -> false;
            case "1" -> true;
            default -> throw error(header.get(index) + " must be 0 or 1, was '" + text + "'");
        };
    }

    /** An error at this row. */
    TaskFormatException error(String problem) {
        return new TaskFormatException(file, line, problem);
    }
}
