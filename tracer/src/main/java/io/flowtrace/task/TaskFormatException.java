package io.flowtrace.task;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A task file or directory is missing or malformed; the message names the file, the 1-based line
 * where one applies, and what was wrong.
 */
public class TaskFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    /** A problem with the file as a whole. */
    public TaskFormatException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    /** A problem on one line (1-based) of the file. */
    public TaskFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    /** A problem on one line (1-based, or 0 for the whole file), caused by {@code cause}. */
    public TaskFormatException(Path file, long line, String problem, Throwable cause) {
        super(message(file, line, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    /** The file (or directory) at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    private static String message(Path file, long line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
