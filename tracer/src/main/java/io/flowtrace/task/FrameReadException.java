package io.flowtrace.task;

import java.nio.file.Path;

/** A frame image could not be read or decoded; the message names the file. */
public class FrameReadException extends TaskFormatException {

    public FrameReadException(Path file, String problem) {
        super(file, 0, problem, null);
    }

    public FrameReadException(Path file, String problem, Throwable cause) {
        super(file, 0, problem, cause);
    }
}
