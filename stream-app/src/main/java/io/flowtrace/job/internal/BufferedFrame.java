package io.flowtrace.job.internal;

import io.flowtrace.schema.Frame;
import java.util.Objects;

/**
 * A frame held back for reordering, with the processing time it arrived at.
 *
 * @param frame the frame
 * @param receivedAtMillis processing time at which the pairing function received it
 */
public record BufferedFrame(Frame frame, long receivedAtMillis) {

    public BufferedFrame {
        Objects.requireNonNull(frame, "frame");
    }
}
