package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.video.TestVideos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    private static EmbeddedKafka kafka;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static List<ConsumerRecord<String, Frame>> readAll(String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "ingest-test-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<String, Frame>> records = new ArrayList<>();
        try (KafkaConsumer<String, Frame> consumer =
                new KafkaConsumer<>(
                        config,
                        new StringDeserializer(),
                        AvroSerde.of(Frame.class).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    @Test
    void producesEveryFrameOfAVideoAsJpegKeyedByCamera() throws Exception {
        kafka.createTopics(1, "frames-video");
        SyntheticClip clip = TestTasks.clip(5, 2, 31);
        Path video = TestVideos.writeLossless(clip.frames(), dir.resolve("clip.mkv"));

        CommandRun run =
                CommandRun.of(
                        "ingest",
                        "--video",
                        video.toString(),
                        "--camera",
                        "cam-v",
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--topic",
                        "frames-video");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sent 5 frames");
        List<ConsumerRecord<String, Frame>> records = readAll("frames-video", 5);
        assertThat(records).hasSize(5);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("cam-v");
        assertThat(records)
                .extracting(r -> r.value().getSequence())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        Frame first = records.get(0).value();
        assertThat(first.getEncoding()).isEqualTo(FrameEncoding.JPEG);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes(first)));
        RgbImage truth = clip.frames().get(0);
        assertThat(decoded.getWidth()).isEqualTo(truth.width());
        assertThat(decoded.getHeight()).isEqualTo(truth.height());
        assertThat(records.get(4).value().getCaptureTime())
                .isAfter(records.get(0).value().getCaptureTime());
    }

    @Test
    void thinsAFolderToTheRequestedCountAndKeepsRawPixels() {
        kafka.createTopics(1, "frames-raw");
        SyntheticClip clip = TestTasks.clip(4, 2, 32);
        clip.writeTask(dir.resolve("task"));

        CommandRun run =
                CommandRun.of(
                        "ingest",
                        "--frames",
                        dir.resolve("task/frames").toString(),
                        "--camera",
                        "cam-f",
                        "--encoding",
                        "RGB24",
                        "--max-frames",
                        "3",
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--topic",
                        "frames-raw");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<ConsumerRecord<String, Frame>> records = readAll("frames-raw", 3);
        assertThat(records).hasSize(3);
        assertThat(bytes(records.get(2).value())).isEqualTo(clip.frames().get(2).rgb());
    }

    @Test
    void producesEveryFrameOfAStreamReadFromAUrl() throws Exception {
        kafka.createTopics(1, "frames-url");
        SyntheticClip clip = TestTasks.clip(5, 2, 33);
        Path video = TestVideos.writeLossless(clip.frames(), dir.resolve("clip.mkv"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/cam/clip.mkv",
                exchange -> {
                    byte[] body = Files.readAllBytes(video);
                    exchange.getResponseHeaders().set("Content-Type", "video/x-matroska");
                    exchange.sendResponseHeaders(200, body.length);
                    try (var out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cam/clip.mkv";

            CommandRun run =
                    CommandRun.of(
                            "ingest",
                            "--url",
                            url,
                            "--camera",
                            "cam-u",
                            "--encoding",
                            "RGB24",
                            "--bootstrap-servers",
                            kafka.bootstrapServers(),
                            "--topic",
                            "frames-url");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<ConsumerRecord<String, Frame>> records = readAll("frames-url", 5);
            assertThat(records)
                    .extracting(r -> r.value().getSequence())
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(records.get(0).value().getSource()).isEqualTo(url);
            assertThat(bytes(records.get(3).value()))
                    .as("lossless video, raw pixels: the frame as generated")
                    .isEqualTo(clip.frames().get(3).rgb());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rejectsACaptureDeviceThatIsNotThereNamingIt() {
        CommandRun run =
                CommandRun.of(
                        "ingest",
                        "--device",
                        dir.resolve("video9").toString(),
                        "--camera",
                        "cam-d",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("video9").toString(), "cannot open");
    }

    @Test
    void rejectsAFileThatIsNotAVideoNamingIt() throws Exception {
        Path bogus = Files.writeString(dir.resolve("notes.mp4"), "not a video");

        CommandRun run =
                CommandRun.of(
                        "ingest",
                        "--video",
                        bogus.toString(),
                        "--camera",
                        "cam-x",
                        "--bootstrap-servers",
                        kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notes.mp4");
    }

    private static byte[] bytes(Frame frame) {
        java.nio.ByteBuffer data = frame.getData().duplicate();
        byte[] out = new byte[data.remaining()];
        data.get(out);
        return out;
    }
}
