package io.flowtrace.cli.internal;

import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.RgbImage;
import java.util.Arrays;

/**
 * A fake clip of 4x4 frames whose every byte is the frame's index, so trackers can tell them apart.
 */
record FrameIndexFrames(int size) implements FrameSequence {

    static int indexOf(RgbImage frame) {
        return frame.rgb()[0];
    }

    @Override
    public int width() {
        return 4;
    }

    @Override
    public int height() {
        return 4;
    }

    @Override
    public RgbImage frame(int index) {
        byte[] rgb = new byte[4 * 4 * 3];
        Arrays.fill(rgb, (byte) index);
        return new RgbImage(4, 4, rgb);
    }

    @Override
    public String describe(int index) {
        return "frame " + index;
    }

    @Override
    public void close() {}
}
