package io.flowtrace.job.kafka;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead letters for records read from Kafka. */
public final class DeadLetters {

    private DeadLetters() {}

    /** A dead letter keeping {@code record}'s topic, partition, offset, key and raw bytes. */
    public static DeadLetter of(
            ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, String message) {
        return DeadLetter.newBuilder()
                .setSourceTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setReason(reason)
                .setMessage(message)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setRaw(ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value()))
                .setFailedAt(Instant.now())
                .build();
    }
}
