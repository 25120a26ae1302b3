package io.flowtrace.job;

import io.flowtrace.schema.Frame;
import java.util.Objects;

/**
 * Two consecutive frames of one camera, in sequence order.
 *
 * @param cameraId the camera both frames come from
 * @param earlier the frame released before {@code later}
 * @param later the newer frame
 * @param missingFrames frames lost between the two: {@code later.sequence - earlier.sequence - 1}
 * @param receivedAtMillis processing time at which the job received {@code later}, for latency
 */
public record FramePair(
        String cameraId, Frame earlier, Frame later, int missingFrames, long receivedAtMillis) {

    public FramePair {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        if (later.getSequence() <= earlier.getSequence()) {
            throw new IllegalArgumentException(
                    "camera "
                            + cameraId
                            + ": later frame "
                            + later.getSequence()
                            + " must follow earlier frame "
                            + earlier.getSequence());
        }
    }

    /** Sequence of the earlier frame. */
    public long fromSequence() {
        return earlier.getSequence();
    }

    /** Sequence of the later frame. */
    public long toSequence() {
        return later.getSequence();
    }
}
