package io.flowtrace.video;

/** A video file, stream or device could not be opened or decoded; the message names it. */
public final class VideoSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    VideoSourceException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
