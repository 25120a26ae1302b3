package io.flowtrace.frames;

import java.nio.file.Path;

/** A frame image, or a directory of them, could not be read or decoded; the message names it. */
public class FrameReadException extends FileFormatException {

    public FrameReadException(Path file, String problem) {
        super(file, problem);
    }

    public FrameReadException(Path file, String problem, Throwable cause) {
        super(file, 0, problem, cause);
    }
}
