package io.flowtrace.ingest;

import io.flowtrace.frames.FrameEncoder;
import java.util.Objects;

/**
 * Everything {@code flowtrace ingest} was asked to do, parsed once.
 *
 * @param source where frames come from
 * @param cameraId the camera the frames belong to; the records' key
 * @param topic the frames topic
 * @param fps frames per second to send; frames of a faster source are skipped to keep this rate; 0
 *     keeps every frame
 * @param realtime pace stored sources at their own speed (live sources are paced by nature)
 * @param encoder how frames are encoded
 * @param firstSequence sequence number of the first frame sent
 * @param maxFrames stop after this many frames; 0 for no limit
 */
public record IngestOptions(
        IngestSource source,
        String cameraId,
        String topic,
        double fps,
        boolean realtime,
        FrameEncoder encoder,
        long firstSequence,
        long maxFrames) {

    public IngestOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(encoder, "encoder");
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("a camera id is required");
        }
        if (!(fps >= 0 && Double.isFinite(fps))) {
            throw new IllegalArgumentException(
                    "fps must be 0 (all frames) or positive, was " + fps);
        }
        if (firstSequence < 0 || maxFrames < 0) {
            throw new IllegalArgumentException(
                    "first sequence and max frames must not be negative, were "
                            + firstSequence
                            + " and "
                            + maxFrames);
        }
    }
}
