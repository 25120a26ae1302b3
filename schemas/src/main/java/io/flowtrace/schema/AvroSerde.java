package io.flowtrace.schema;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one generated Avro record type, in single-object encoding (no registry).
 * Deserializing a bad message throws {@link io.flowtrace.schema.RecordFormatException} with the
 * dead-letter reason, so callers can route it.
 *
 * <p>Each serializer and deserializer instance owns its codec; Kafka uses one per client thread.
 *
 * @param <T> the record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;

    private AvroSerde(Class<T> type) {
        this.type = type;
    }

    /** A serde for {@code type}, e.g. {@code Frame.class}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        RecordCodec<T> codec = RecordCodec.of(type);
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        RecordCodec<T> codec = RecordCodec.of(type);
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    }
}
