package io.flowtrace.views.internal;

import io.flowtrace.schema.RecordCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A single-object Avro serde that may be used from several threads at once: a store's serde is
 * called by its stream thread and by every HTTP thread that queries it, and Avro's codecs are not
 * thread-safe, so each thread gets its own.
 */
public final class SharedAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final ThreadLocal<RecordCodec<T>> codec;

    private SharedAvroSerde(Class<T> type) {
        this.codec = ThreadLocal.withInitial(() -> RecordCodec.of(type));
    }

    public static <T extends SpecificRecord> SharedAvroSerde<T> of(Class<T> type) {
        return new SharedAvroSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.get().encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.get().decode(bytes);
    }
}
