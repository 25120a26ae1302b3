package io.flowtrace.task;

import io.flowtrace.frames.FileFormatException;
import java.nio.file.Path;

/**
 * A task file or directory is missing or malformed; the message names the file, the 1-based line
 * where one applies, and what was wrong.
 */
public class TaskFormatException extends FileFormatException {

    /** A problem with the file as a whole. */
    public TaskFormatException(Path file, String problem) {
        super(file, problem);
    }

    /** A problem on one line (1-based) of the file. */
    public TaskFormatException(Path file, long line, String problem) {
        super(file, line, problem, null);
    }

    /** A problem on one line (1-based, or 0 for the whole file), caused by {@code cause}. */
    public TaskFormatException(Path file, long line, String problem, Throwable cause) {
        super(file, line, problem, cause);
    }
}
