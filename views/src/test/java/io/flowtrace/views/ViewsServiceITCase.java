package io.flowtrace.views;

import static io.flowtrace.views.ViewsRecords.flow;
import static io.flowtrace.views.ViewsRecords.tracked;
import static io.flowtrace.views.ViewsRecords.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.MotionSummary;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real broker: what a consumer gets over HTTP for what was published. */
class ViewsServiceITCase {

    private static EmbeddedKafka kafka;
    private static ViewsService service;
    private static ViewsHttp http;
    private static final Instant NOW = Instant.now().minusSeconds(120);

    @BeforeAll
    static void start(@TempDir Path state) {
        kafka = EmbeddedKafka.start();
        ViewsTestSupport.createTopics(kafka, 1);
        service = ViewsService.start(ViewsTestSupport.config(kafka, state, "views-it").build());
        http = new ViewsHttp(service.url());
        ViewsTestSupport.awaitRunning(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void answersWhereACamerasTracksAreNow() {
        for (int s = 1; s <= 3; s++) {
            ViewsTestSupport.send(
                    kafka,
                    Topics.TRACK_UPDATES,
                    "cam-a",
                    update("cam-a", "p1", s, 10 + s, 20, true, NOW.plusMillis(100L * s)));
        }
        ViewsTestSupport.send(
                kafka,
                Topics.TRACK_UPDATES,
                "cam-a",
                update("cam-a", "p2", 3, 40, 50, false, NOW.plusMillis(300)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.json("/api/cameras/cam-a/tracks")).hasSize(2));

        assertThat(ViewsTestSupport.texts(http.json("/api/cameras"))).contains("cam-a");
        JsonNode tracks = http.json("/api/cameras/cam-a/tracks");
        assertThat(tracks.get(0).get("id").asText()).isEqualTo("p1");
        assertThat(tracks.get(0).get("x").asDouble()).isEqualTo(13.0);
        assertThat(tracks.get(0).get("y").asDouble()).isEqualTo(20.0);
        assertThat(tracks.get(0).get("visible").asBoolean()).isTrue();
        assertThat(tracks.get(0).get("trail")).hasSize(3);
        assertThat(tracks.get(1).get("visible").asBoolean()).isFalse();
        assertThat(http.json("/api/cameras/cam-a/tracks/p1").get("sequence").asLong()).isEqualTo(3);
        assertThat(http.get("/api/cameras/cam-a/tracks/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void summarisesClosedWindowsOverHttpAndOnTheirTopic() {
        Instant w = Instant.ofEpochMilli(NOW.toEpochMilli() / 10_000 * 10_000);
        ViewsTestSupport.send(
                kafka,
                Topics.FLOW_RESULTS,
                "cam-s",
                tracked("cam-s", 1, w.plusMillis(100), flow("p1", 0, 2, true)));
        ViewsTestSupport.send(
                kafka,
                Topics.FLOW_RESULTS,
                "cam-s",
                tracked("cam-s", 2, w.plusMillis(200), flow("p1", 2, 4, true)));
        ViewsTestSupport.send(
                kafka,
                Topics.FLOW_RESULTS,
                "cam-s",
                tracked("cam-s", 300, w.plusSeconds(30), flow("p1", 4, 4, true)));

        List<MotionSummary> topic =
                ViewsTestSupport.read(
                        kafka,
                        Topics.MOTION_SUMMARIES,
                        AvroSerde.of(MotionSummary.class).deserializer(),
                        1);
        MotionSummary s = topic.get(0);
        assertThat(s.getCameraId()).isEqualTo("cam-s");
        assertThat(s.getWindowStart()).isEqualTo(w);
        assertThat(s.getTrackedPairs()).isEqualTo(2);
        assertThat(s.getMeanSpeed()).isEqualTo(20.0);

        JsonNode windows =
                http.json(
                        "/api/cameras/cam-s/summaries?from="
                                + w.toEpochMilli()
                                + "&to="
                                + w.plusSeconds(60).toEpochMilli());
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).get("windowStart").asLong()).isEqualTo(w.toEpochMilli());
        assertThat(windows.get(0).get("trackedPairs").asInt()).isEqualTo(2);
        assertThat(windows.get(0).get("meanSpeed").asDouble()).isEqualTo(20.0);
        assertThat(http.get("/api/cameras/cam-s/summaries?from=yesterday").statusCode())
                .isEqualTo(400);
    }

    @Test
    void servesTheLatestFrameAndPublishesAClickAsATrackQuery() {
        RgbImage image = RgbImage.blank(64, 48);
        Frame frame =
                Frame.newBuilder()
                        .setCameraId("cam-f")
                        .setSequence(7)
                        .setCaptureTime(NOW)
                        .setWidth(64)
                        .setHeight(48)
                        .setEncoding(FrameEncoding.JPEG)
                        .setData(
                                ByteBuffer.wrap(
                                        new FrameEncoder(FrameEncoding.JPEG, 0.9f).encode(image)))
                        .build();
        ViewsTestSupport.send(kafka, Topics.FRAMES, "cam-f", frame);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/cameras/cam-f/frame").statusCode() == 200);
        HttpResponse<byte[]> picture = http.get("/api/cameras/cam-f/frame");
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(picture.headers().firstValue("X-Frame-Sequence")).hasValue("7");
        assertThat(picture.body()).startsWith((byte) 0xFF, (byte) 0xD8);

        HttpResponse<byte[]> outside =
                http.post("/api/cameras/cam-f/queries", "{\"x\": 80, \"y\": 10}");
        assertThat(outside.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> accepted =
                http.post(
                        "/api/cameras/cam-f/queries",
                        "{\"x\": 12.5, \"y\": 30, \"frameSequence\": 7}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = ViewsHttp.parse(accepted.body()).get("queryId").asText();

        List<TrackQuery> queries =
                ViewsTestSupport.read(
                        kafka,
                        Topics.TRACK_QUERIES,
                        AvroSerde.of(TrackQuery.class).deserializer(),
                        1);
        assertThat(queries.get(0).getQueryId()).isEqualTo(id);
        assertThat(queries.get(0).getCameraId()).isEqualTo("cam-f");
        assertThat(queries.get(0).getX()).isEqualTo(12.5);
        assertThat(queries.get(0).getFrameSequence()).isEqualTo(7L);
    }

    @Test
    void streamsNewTrackPositionsAsServerSentEvents() {
        ViewsTestSupport.send(
                kafka, Topics.TRACK_UPDATES, "cam-e", update("cam-e", "p9", 1, 5, 6, true, NOW));

        List<String> events = http.events("/api/cameras/cam-e/events", 1);

        assertThat(events.get(0)).startsWith("track: ").contains("\"id\":\"p9\"");
    }

    @Test
    void undecodableInputGoesToDeadLettersAndTheServiceCarriesOn() {
        try (KafkaProducer<String, byte[]> p = ViewsTestSupport.rawProducer(kafka)) {
            p.send(new ProducerRecord<>(Topics.FLOW_RESULTS, "cam-x", new byte[] {9, 9, 9}));
        }
        ViewsTestSupport.send(
                kafka, Topics.TRACK_UPDATES, "cam-x", update("cam-x", "p1", 1, 5, 6, true, NOW));

        List<DeadLetter> letters =
                ViewsTestSupport.read(
                        kafka,
                        Topics.DEAD_LETTERS,
                        AvroSerde.of(DeadLetter.class).deserializer(),
                        1);
        assertThat(letters.get(0).getSourceTopic()).isEqualTo(Topics.FLOW_RESULTS);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.json("/api/cameras/cam-x/tracks")).hasSize(1));
        assertThat(http.json("/api/status").get("deadLetters").get(Topics.FLOW_RESULTS).asLong())
                .isEqualTo(1);
    }
}
