package io.flowtrace.ingest;

import io.flowtrace.video.VideoStream.TimedImage;

/** Frames read one at a time from wherever {@link IngestSource} points. */
public interface FrameReader extends AutoCloseable {

    /** The next frame with its time from the start of the source, or {@code null} at the end. */
    TimedImage next();

    /** Whether frames arrive in real time (a stream or device) rather than from storage. */
    boolean live();

    /** The source, for messages and the frame records' {@code source} field. */
    String describe();

    @Override
    void close();
}
