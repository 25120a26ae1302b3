package io.flowtrace.job.internal;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.TrackQuery;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The job's dead letters, built in one place. A record the sources could not read keeps its topic,
 * partition, offset, key and raw bytes; a record found bad inside the job, past the sources, has
 * lost its partition and offset (-1), and its raw bytes are the record re-encoded as the
 * single-object message it was read as.
 */
public final class DeadLetters {

    private DeadLetters() {}

    /** A dead letter for {@code record} as read from Kafka. */
    public static DeadLetter of(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String message) {
        return build(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value() == null ? new byte[0] : record.value(),
                reason,
                message);
    }

    /** A dead letter for {@code frame}, or for a frame pair with no frame to blame when null. */
    public static DeadLetter frame(
            String topic, String cameraId, Frame frame, DeadLetterReason reason, String message) {
        byte[] raw = frame == null ? new byte[0] : RecordCodec.of(Frame.class).encode(frame);
        return build(topic, -1, -1, key(cameraId), raw, reason, message);
    }

    /** A dead letter for {@code query}. */
    public static DeadLetter query(String topic, TrackQuery query, String message) {
        return build(
                topic,
                -1,
                -1,
                key(query.getCameraId()),
                RecordCodec.of(TrackQuery.class).encode(query),
                DeadLetterReason.BAD_QUERY,
                message);
    }

    private static byte[] key(String cameraId) {
        return cameraId.getBytes(StandardCharsets.UTF_8);
    }

    private static DeadLetter build(
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] raw,
            DeadLetterReason reason,
            String message) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setReason(reason)
                .setMessage(message)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setRaw(ByteBuffer.wrap(raw))
                .setFailedAt(Instant.now())
                .build();
    }
}
