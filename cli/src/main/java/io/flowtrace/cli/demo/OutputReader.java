package io.flowtrace.cli.demo;

import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the job's committed output, as a downstream consumer would. */
final class OutputReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroSerde<FlowResult> results = AvroSerde.of(FlowResult.class);
    private final AvroSerde<TrackUpdate> updates = AvroSerde.of(TrackUpdate.class);

    OutputReader(String bootstrapServers) {
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG, "flowtrace-demo-reader",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.FLOW_RESULTS, Topics.TRACK_UPDATES));
    }

    /**
     * Reads until {@code pairs} flow results and the track updates of every point they carry
     * arrived (the two topics commit in separate transactions), or {@code timeout} passed.
     */
    DemoOutputs readUntil(int pairs, Duration timeout, Instant start) {
        List<DemoOutputs.Received> flow = new ArrayList<>();
        List<TrackUpdate> tracks = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        var resultReader = results.deserializer();
        var updateReader = updates.deserializer();
        int points = 0;
        while ((flow.size() < pairs || tracks.size() < points) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                Instant now = Instant.now();
                if (r.topic().equals(Topics.FLOW_RESULTS)) {
                    FlowResult result = resultReader.deserialize(r.topic(), r.value());
                    flow.add(new DemoOutputs.Received(result, now));
                    points += result.getPoints().size();
                } else {
                    tracks.add(updateReader.deserialize(r.topic(), r.value()));
                }
            }
        }
        return new DemoOutputs(flow, tracks, start, Instant.now(), flow.size() >= pairs);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
