package io.flowtrace.task;

import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.RgbImage;

/** A frame sequence of blank frames of a given size, for tests that only need its shape. */
record FakeFrames(int size, int width, int height) implements FrameSequence {

    @Override
    public RgbImage frame(int index) {
        return RgbImage.blank(width, height);
    }

    @Override
    public String describe(int index) {
        return "fake frame " + index;
    }

    @Override
    public void close() {}
}
