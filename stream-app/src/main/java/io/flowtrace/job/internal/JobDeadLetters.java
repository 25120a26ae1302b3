package io.flowtrace.job.internal;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.TrackQuery;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Dead letters for records found bad inside the job, past the sources: their Kafka partition and
 * offset are lost (-1), and the raw bytes are the record re-encoded as the single-object message it
 * was read as.
 */
public final class JobDeadLetters {

    private JobDeadLetters() {}

    /** A dead letter for {@code frame}, or for a frame pair with no frame to blame when null. */
    public static DeadLetter frame(
            String topic, String cameraId, Frame frame, DeadLetterReason reason, String message) {
        byte[] raw = frame == null ? new byte[0] : RecordCodec.of(Frame.class).encode(frame);
        return of(topic, cameraId, reason, message, raw);
    }

    /** A dead letter for {@code query}. */
    public static DeadLetter query(String topic, TrackQuery query, String message) {
        return of(
                topic,
                query.getCameraId(),
                DeadLetterReason.BAD_QUERY,
                message,
                RecordCodec.of(TrackQuery.class).encode(query));
    }

    private static DeadLetter of(
            String topic, String cameraId, DeadLetterReason reason, String message, byte[] raw) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(-1)
                .setOffset(-1)
                .setReason(reason)
                .setMessage(message)
                .setKey(ByteBuffer.wrap(cameraId.getBytes(StandardCharsets.UTF_8)))
                .setRaw(ByteBuffer.wrap(raw))
                .setFailedAt(Instant.now())
                .build();
    }
}
