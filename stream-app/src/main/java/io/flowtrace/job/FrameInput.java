package io.flowtrace.job;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.Frame;

/**
 * One record read from the frames topic: the frame, or the dead letter saying why it could not be
 * read. Exactly one of the two is set.
 */
public record FrameInput(Frame frame, DeadLetter deadLetter) {

    public FrameInput {
        if ((frame == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of frame and dead letter must be set");
        }
    }

    public static FrameInput of(Frame frame) {
        return new FrameInput(frame, null);
    }

    public static FrameInput dead(DeadLetter letter) {
        return new FrameInput(null, letter);
    }
}
