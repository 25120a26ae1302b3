package io.flowtrace.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * One replay: reads every partition of the recorded topic from the start position up to the end as
 * it was when the replay began (or the end time), and re-produces each record's key, value and
 * timestamp unchanged. Records are sent in (timestamp, partition, offset) order, so the same
 * recording always gives the same output.
 *
 * <p>The whole range is read before sending; replays are meant for recorded clips, not for
 * unbounded history.
 */
public final class ReplayRun {

    /** Waits until a moment, to keep recorded gaps. */
    @FunctionalInterface
    public interface Pacer {
        void sleepUntil(Instant when) throws InterruptedException;
    }

    private static final Comparator<ConsumerRecord<byte[], byte[]>> ORDER =
            Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                    .thenComparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset);

    private final ReplayOptions options;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Pacer pacer;

    public ReplayRun(
            ReplayOptions options,
            Consumer<byte[], byte[]> consumer,
            Producer<byte[], byte[]> producer,
            Pacer pacer) {
        this.options = Objects.requireNonNull(options, "options");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * Replays the range and returns how many records were sent.
     *
     * @param progress told the running count of records sent
     * @throws IllegalArgumentException when the recorded topic does not exist
     * @throws KafkaException when the target topic refuses a record
     */
    public long run(LongConsumer progress) throws InterruptedException {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        seekToStart(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = readUntil(ends);
        records.sort(ORDER);
        return send(records, progress);
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(options.from(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + options.from() + " does not exist");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void seekToStart(List<TopicPartition> partitions) {
        if (options.startOffset() >= 0) {
            // offsets retention already removed start at the oldest record kept
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            partitions.forEach(
                    p -> consumer.seek(p, Math.max(options.startOffset(), first.get(p))));
            return;
        }
        if (options.startTime() == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, options.startTime().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            consumer.seek(p, at == null ? ends.get(p) : at.offset());
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readUntil(Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<TopicPartition, Long> remaining = new HashMap<>(ends);
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        long endMillis =
                options.endTime() == null ? Long.MAX_VALUE : options.endTime().toEpochMilli();
        while (!remaining.isEmpty()) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                Long end = remaining.get(p);
                if (end != null && r.offset() < end && r.timestamp() < endMillis) {
                    records.add(r);
                }
            }
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        return records;
    }

    private long send(List<ConsumerRecord<byte[], byte[]>> records, LongConsumer progress)
            throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant start = Instant.now();
        long first = records.isEmpty() ? 0 : records.get(0).timestamp();
        long sent = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (options.realtime()) {
                pacer.sleepUntil(start.plusMillis(r.timestamp() - first));
            }
            producer.send(
                    new ProducerRecord<>(options.to(), null, r.timestamp(), r.key(), r.value()),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
            rethrow(failure);
            progress.accept(++sent);
        }
        producer.flush();
        rethrow(failure);
        return sent;
    }

    private void rethrow(AtomicReference<Exception> failure) {
        if (failure.get() != null) {
            throw new KafkaException(
                    "topic " + options.to() + " refused a replayed record: " + failure.get(),
                    failure.get());
        }
    }
}
