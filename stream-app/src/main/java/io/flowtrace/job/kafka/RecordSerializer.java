package io.flowtrace.job.kafka;

import io.flowtrace.schema.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes Avro records single-object encoded to one topic, keyed by a string taken from the record
 * (e.g. the camera id), so each key's records stay in order on one partition.
 *
 * @param <T> the record type
 */
public final class RecordSerializer<T extends SpecificRecord>
        implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** The record's key. */
    public interface KeyOf<T> extends Function<T, String>, java.io.Serializable {}

    private final Class<T> type;
    private final String topic;
    private final KeyOf<T> key;
    private transient RecordCodec<T> codec;

    public RecordSerializer(Class<T> type, String topic, KeyOf<T> key) {
        this.type = type;
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T record, KafkaSinkContext context, Long timestamp) {
        if (codec == null) {
            codec = RecordCodec.of(type);
        }
        String k = key.apply(record);
        // the producer's own time, not the element's: a capture time far from now (a bad camera
        // clock, a long recording sent at full speed) would be refused by the broker
        return new ProducerRecord<>(
                topic,
                null,
                null,
                k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                codec.encode(record));
    }
}
