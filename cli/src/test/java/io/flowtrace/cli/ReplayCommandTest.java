package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.broker.EmbeddedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBrokerAndRecord() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, "recorded");
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // 10 records, one per second, two cameras on two partitions
            for (int i = 0; i < 10; i++) {
                String camera = i % 2 == 0 ? "cam-a" : "cam-b";
                producer.send(
                        new ProducerRecord<>(
                                "recorded",
                                i % 2,
                                T0.plusSeconds(i).toEpochMilli(),
                                camera.getBytes(),
                                new byte[] {(byte) i, 42}));
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "replay-test-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    private static List<Integer> firstBytes(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> (int) r.value()[0]).toList();
    }

    @Test
    void replaysATimeRangeByteForByteInTimestampOrder() {
        kafka.createTopics(1, "replay-range");

        CommandRun run =
                CommandRun.of(
                        "replay",
                        "--from",
                        "recorded",
                        "--to",
                        "replay-range",
                        "--start-time",
                        T0.plusSeconds(3).toString(),
                        "--end-time",
                        T0.plusSeconds(7).toString(),
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 4 records");
        List<ConsumerRecord<byte[], byte[]>> out = read("replay-range", 4);
        assertThat(firstBytes(out)).containsExactly(3, 4, 5, 6);
        assertThat(out.get(0).key()).isEqualTo("cam-b".getBytes());
        assertThat(out.get(1).value()).containsExactly(4, 42);
        assertThat(out.get(2).timestamp()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
    }

    @Test
    void theSameRecordingGivesTheSameOutputEveryTime() {
        kafka.createTopics(1, "replay-one", "replay-two");

        CommandRun first =
                CommandRun.of(
                        "replay",
                        "--from",
                        "recorded",
                        "--to",
                        "replay-one",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());
        CommandRun second =
                CommandRun.of(
                        "replay",
                        "--from",
                        "recorded",
                        "--to",
                        "replay-two",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> one = read("replay-one", 10);
        List<ConsumerRecord<byte[], byte[]>> two = read("replay-two", 10);
        assertThat(firstBytes(one)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(firstBytes(two)).isEqualTo(firstBytes(one));
        for (int i = 0; i < one.size(); i++) {
            assertThat(Arrays.equals(one.get(i).key(), two.get(i).key())).isTrue();
        }
    }

    @Test
    void startsAtAnOffsetInEveryPartition() {
        kafka.createTopics(1, "replay-offset");

        CommandRun run =
                CommandRun.of(
                        "replay",
                        "--from",
                        "recorded",
                        "--to",
                        "replay-offset",
                        "--start-offset",
                        "3",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // each partition holds 5 records; offsets 3 and 4 of both: records 6, 7, 8, 9
        assertThat(firstBytes(read("replay-offset", 4))).containsExactly(6, 7, 8, 9);
    }

    @Test
    void namesAMissingTopic() {
        CommandRun run =
                CommandRun.of(
                        "replay",
                        "--from",
                        "nothing-here",
                        "--to",
                        "replay-x",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing-here");
    }

    @Test
    void refusesToReplayATopicIntoItself() {
        CommandRun run =
                CommandRun.of(
                        "replay",
                        "--from",
                        "recorded",
                        "--to",
                        "recorded",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("recorded");
    }
}
