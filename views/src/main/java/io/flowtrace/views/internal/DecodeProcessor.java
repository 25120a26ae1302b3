package io.flowtrace.views.internal;

import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.RecordFormatException;
import io.flowtrace.views.ViewsCounters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one input topic's records and moves them to their event time, the capture time they
 * carry. A record that cannot be decoded, or whose key is not its camera id (its camera's state
 * would then sit on the wrong partition), becomes a dead letter naming the topic, partition and
 * offset; it is counted and logged, and the service carries on.
 */
final class DecodeProcessor<T extends SpecificRecord>
        implements FixedKeyProcessor<String, byte[], Decoded<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeProcessor.class);

    private final Class<T> type;
    private final Function<T, String> camera;
    private final Function<T, Instant> eventTime;
    private final ViewsCounters counters;
    private RecordCodec<T> codec;
    private FixedKeyProcessorContext<String, Decoded<T>> context;

    DecodeProcessor(
            Class<T> type,
            Function<T, String> camera,
            Function<T, Instant> eventTime,
            ViewsCounters counters) {
        this.type = type;
        this.camera = camera;
        this.eventTime = eventTime;
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded<T>> context) {
        this.context = context;
        this.codec = RecordCodec.of(type);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        T value;
        try {
            value = codec.decode(record.value());
        } catch (RecordFormatException e) {
            reject(record, e.reason(), e.getMessage());
            return;
        }
        String id = camera.apply(value);
        if (!Objects.equals(record.key(), id)) {
            reject(
                    record,
                    DeadLetterReason.OTHER,
                    type.getSimpleName()
                            + " of camera '"
                            + id
                            + "' has key '"
                            + record.key()
                            + "': records must be keyed by their camera id");
            return;
        }
        context.forward(
                record.withValue(Decoded.ok(value))
                        .withTimestamp(eventTime.apply(value).toEpochMilli()));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, DeadLetterReason why, String text) {
        RecordMetadata at = context.recordMetadata().orElse(null);
        String topic = at == null ? "?" : at.topic();
        int partition = at == null ? -1 : at.partition();
        long offset = at == null ? -1 : at.offset();
        counters.deadLetter(topic);
        LOG.warn(
                "{}-{} offset {}: sent to dead letters ({}): {}",
                topic,
                partition,
                offset,
                why,
                text);
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setSourceTopic(topic)
                        .setPartition(partition)
                        .setOffset(offset)
                        .setReason(why)
                        .setMessage(text)
                        .setKey(
                                record.key() == null
                                        ? null
                                        : ByteBuffer.wrap(
                                                record.key().getBytes(StandardCharsets.UTF_8)))
                        .setRaw(
                                ByteBuffer.wrap(
                                        record.value() == null ? new byte[0] : record.value()))
                        .setFailedAt(Instant.now())
                        .build();
        context.forward(record.withValue(Decoded.bad(letter)));
    }
}
