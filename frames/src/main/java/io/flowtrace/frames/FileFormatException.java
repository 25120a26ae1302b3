package io.flowtrace.frames;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input file or directory is missing or malformed; the message names the file, the 1-based line
 * where one applies, and what was wrong. Frames that cannot be read ({@link FrameReadException})
 * and malformed task files are kinds of it, so a command can report either the same way.
 */
public class FileFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    /** A problem with the file as a whole. */
    public FileFormatException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    /** A problem on one line (1-based, or 0 for the whole file), caused by {@code cause}. */
    public FileFormatException(Path file, long line, String problem, Throwable cause) {
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
