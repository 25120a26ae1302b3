package io.flowtrace.job.kafka;

import io.flowtrace.job.FrameInput;
import io.flowtrace.job.JobConfig;
import io.flowtrace.job.QueryInput;
import io.flowtrace.job.TrackingJob;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackUpdate;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The tracking job's Kafka sources and sinks. Sinks are exactly-once (Kafka transactions committed
 * on checkpoints); consumers of the output topics read with {@code isolation.level=read_committed}.
 *
 * @param bootstrapServers the cluster
 * @param groupId the job's consumer group
 * @param bounded read the input topics only up to their end at start (replays, tests, the demo);
 *     otherwise keep reading
 */
public record KafkaEndpoints(String bootstrapServers, String groupId, boolean bounded) {

    /** Kafka's default limit on transactions is 15 minutes; stay below it. */
    static final String TRANSACTION_TIMEOUT_MS = String.valueOf(10 * 60 * 1000);

    public KafkaEndpoints {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
    }

    public KafkaSource<FrameInput> frames() {
        return source(Topics.FRAMES, RecordInputDeserializer.frames());
    }

    public KafkaSource<QueryInput> queries() {
        return source(Topics.TRACK_QUERIES, RecordInputDeserializer.queries());
    }

    private <O> KafkaSource<O> source(String topic, RecordInputDeserializer<?, O> deserializer) {
        KafkaSourceBuilder<O> builder =
                KafkaSource.<O>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic)
                        .setGroupId(groupId)
                        // a continuous job resumes where its group left off (when started
                        // without a savepoint); a bounded run reads everything there is
                        .setStartingOffsets(
                                bounded
                                        ? OffsetsInitializer.earliest()
                                        : OffsetsInitializer.committedOffsets(
                                                OffsetResetStrategy.EARLIEST))
                        .setDeserializer(deserializer)
                        .setProperty(
                                "max.partition.fetch.bytes",
                                String.valueOf(Topics.MAX_RECORD_BYTES))
                        .setProperty("isolation.level", "read_committed");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * The tracking job on these topics: the one wiring the command line, the demo and tests share.
     */
    public TrackingJob trackingJob(JobConfig config) {
        return new TrackingJob(
                frames(), queries(), flowResults(), trackUpdates(), deadLetters(), config);
    }

    public KafkaSink<FlowResult> flowResults() {
        return sink(
                new RecordSerializer<>(
                        FlowResult.class, Topics.FLOW_RESULTS, FlowResult::getCameraId),
                "flowtrace-flow-results");
    }

    public KafkaSink<TrackUpdate> trackUpdates() {
        return sink(
                new RecordSerializer<>(
                        TrackUpdate.class, Topics.TRACK_UPDATES, TrackUpdate::getCameraId),
                "flowtrace-track-updates");
    }

    public KafkaSink<DeadLetter> deadLetters() {
        return sink(
                new RecordSerializer<>(DeadLetter.class, Topics.DEAD_LETTERS, d -> null),
                "flowtrace-dead-letters");
    }

    private <T extends SpecificRecord> KafkaSink<T> sink(
            RecordSerializer<T> serializer, String transactionalPrefix) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(groupId + "-" + transactionalPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setProperty("max.request.size", String.valueOf(Topics.MAX_RECORD_BYTES))
                .build();
    }
}
