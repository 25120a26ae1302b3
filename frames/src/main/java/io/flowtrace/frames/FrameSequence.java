package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;

/** The frames of one task, all of one size, read by 0-based index. */
public interface FrameSequence extends AutoCloseable {

    /** Number of frames. */
    int size();

    /** Width of every frame in pixels. */
    int width();

    /** Height of every frame in pixels. */
    int height();

    /**
     * Frame {@code index} in 0..size()-1.
     *
     * @throws IndexOutOfBoundsException for an index outside the sequence
     * @throws FrameReadException when the frame cannot be read or decoded
     */
    RgbImage frame(int index);

    /** Where frame {@code index} comes from (e.g. its file name), for messages. */
    String describe(int index);

    @Override
    void close();
}
