package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCommandTest {

    @TempDir Path dir;

    @Test
    void tracksWhatIsOnTheTopicsAndFinishesWhenBounded() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(
                    1,
                    Topics.FRAMES,
                    Topics.TRACK_QUERIES,
                    Topics.FLOW_RESULTS,
                    Topics.TRACK_UPDATES,
                    Topics.DEAD_LETTERS);
            SyntheticClip clip = TestTasks.clip(3, 2, 41);
            clip.writeTask(dir.resolve("task"));
            sendQueries(kafka, clip);
            CommandRun ingest =
                    CommandRun.of(
                            "ingest",
                            "--frames",
                            dir.resolve("task/frames").toString(),
                            "--camera",
                            "cam-j",
                            "--encoding",
                            "PNG",
                            "--bootstrap-servers",
                            kafka.bootstrapServers());
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();

            CommandRun job =
                    CommandRun.of(
                            "job",
                            "--bounded",
                            "--bootstrap-servers",
                            kafka.bootstrapServers(),
                            "--preset",
                            "fast",
                            "--parallelism",
                            "1",
                            "--checkpoint-interval",
                            "200");

            assertThat(job.exitCode()).as(job.err()).isZero();
            List<FlowResult> results = readResults(kafka);
            assertThat(results)
                    .extracting(r -> r.getFromSequence() + ">" + r.getToSequence())
                    .containsExactly("0>1", "1>2");
            assertThat(results)
                    .allSatisfy(
                            r -> {
                                assertThat(r.getStatus()).isEqualTo(PairStatus.TRACKED);
                                assertThat(r.getPoints()).hasSize(2);
                            });
        }
    }

    @Test
    void rejectsAModelThatIsNotAGrpcAddress() {
        CommandRun run = CommandRun.of("job", "--model", "triton:8001");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("triton:8001");
    }

    @Test
    void rejectsGridAndCornerSeedingTogether() {
        CommandRun run =
                CommandRun.of(
                        "job",
                        "--bootstrap-servers",
                        "localhost:1",
                        "--grid",
                        "32",
                        "--corners",
                        "32");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--grid and --corners seed points; give one, not both");
    }

    @Test
    void rejectsNoCamerasInFlight() {
        CommandRun run =
                CommandRun.of(
                        "job", "--bootstrap-servers", "localhost:1", "--cameras-in-flight", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cameras-in-flight must be at least 1, was 0");
    }

    @Test
    void listsTheJobsOptionsOnHelp() {
        CommandRun run = CommandRun.of("job", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--bootstrap-servers HOSTS")
                .contains("--pair-timeout SECONDS")
                .contains("--lateness MS");
    }

    @Test
    void rejectsAnUnknownOption() {
        CommandRun run = CommandRun.of("job", "--bootstrap-server", "localhost:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --bootstrap-server");
    }

    private static void sendQueries(EmbeddedKafka kafka, SyntheticClip clip) {
        try (KafkaProducer<String, TrackQuery> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        AvroSerde.of(TrackQuery.class).serializer())) {
            for (Query q : clip.queries()) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.TRACK_QUERIES,
                                "cam-j",
                                new TrackQuery(
                                        "cam-j",
                                        String.valueOf(q.id()),
                                        QueryAction.ADD,
                                        0L,
                                        q.x(),
                                        q.y(),
                                        Instant.now().minusSeconds(60))));
            }
        }
    }

    private static List<FlowResult> readResults(EmbeddedKafka kafka) {
        List<FlowResult> out = new ArrayList<>();
        try (KafkaConsumer<String, FlowResult> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG, "job-test",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new StringDeserializer(),
                        AvroSerde.of(FlowResult.class).deserializer())) {
            consumer.subscribe(List.of(Topics.FLOW_RESULTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
