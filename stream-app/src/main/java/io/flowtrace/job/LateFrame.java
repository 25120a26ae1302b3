package io.flowtrace.job;

import io.flowtrace.schema.Frame;
import java.util.Objects;

/**
 * A frame that arrived after a newer frame of its camera had already been paired, so it can no
 * longer be placed in order; {@link FramePairingFunction} sends it to a side output.
 *
 * @param frame the frame as received
 * @param lastPairedSequence the newest sequence of the camera already paired when it arrived
 */
public record LateFrame(Frame frame, long lastPairedSequence) {

    public LateFrame {
        Objects.requireNonNull(frame, "frame");
    }
}
