package io.flowtrace.views;

import static io.flowtrace.views.ViewsRecords.T0;
import static io.flowtrace.views.ViewsRecords.at;
import static io.flowtrace.views.ViewsRecords.flow;
import static io.flowtrace.views.ViewsRecords.removed;
import static io.flowtrace.views.ViewsRecords.skipped;
import static io.flowtrace.views.ViewsRecords.tracked;
import static io.flowtrace.views.ViewsRecords.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.MotionSummary;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.views.internal.StoreNames;
import io.flowtrace.views.internal.StreamsProperties;
import io.flowtrace.views.internal.SummaryAccumulator;
import io.flowtrace.views.internal.TrackView;
import io.flowtrace.views.internal.TrailPoint;
import io.flowtrace.views.internal.ViewerFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewsTopologyTest {

    @TempDir Path state;

    private final ViewsCounters counters = new ViewsCounters();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TrackUpdate> updates;
    private TestInputTopic<String, FlowResult> results;
    private TestInputTopic<String, Frame> frames;
    private TestOutputTopic<String, MotionSummary> summaries;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        ViewsConfig config =
                ViewsConfig.defaults("unused:9092").toBuilder()
                        .stateDir(state)
                        .trailLength(3)
                        .trackTtl(Duration.ofSeconds(30))
                        .summaryWindow(Duration.ofSeconds(10), Duration.ofSeconds(2))
                        .frameMaxWidth(64)
                        .frameInterval(Duration.ofMillis(500))
                        .build();
        driver =
                new TopologyTestDriver(
                        ViewsTopology.build(config, counters),
                        StreamsProperties.of(config, "localhost:1"),
                        T0);
        updates =
                driver.createInputTopic(
                        Topics.TRACK_UPDATES,
                        new StringSerializer(),
                        AvroSerde.of(TrackUpdate.class).serializer());
        results =
                driver.createInputTopic(
                        Topics.FLOW_RESULTS,
                        new StringSerializer(),
                        AvroSerde.of(FlowResult.class).serializer());
        frames =
                driver.createInputTopic(
                        Topics.FRAMES,
                        new StringSerializer(),
                        AvroSerde.of(Frame.class).serializer());
        summaries =
                driver.createOutputTopic(
                        Topics.MOTION_SUMMARIES,
                        new StringDeserializer(),
                        AvroSerde.of(MotionSummary.class).deserializer());
        deadLetters =
                driver.createOutputTopic(
                        Topics.DEAD_LETTERS,
                        new StringDeserializer(),
                        AvroSerde.of(DeadLetter.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void keepsEachTracksLatestPositionAndItsLastPositionsAsTrail() {
        for (int s = 1; s <= 4; s++) {
            send(update("cam-1", "p1", s, 10 + s, 20, true));
        }
        send(update("cam-1", "p2", 4, 50, 60, false));
        send(update("cam-2", "p1", 4, 1, 2, true));

        TrackView p1 = tracks().get(StoreNames.trackKey("cam-1", "p1"));
        assertThat(p1.getSequence()).isEqualTo(4);
        assertThat(p1.getX()).isEqualTo(14.0);
        assertThat(p1.getTrail()).extracting(TrailPoint::getSequence).containsExactly(2L, 3L, 4L);
        TrackView p2 = tracks().get(StoreNames.trackKey("cam-1", "p2"));
        assertThat(p2.getVisible()).isFalse();
        assertThat(p2.getStatus()).isEqualTo("OCCLUDED");
        assertThat(tracks().get(StoreNames.trackKey("cam-2", "p1")).getX()).isEqualTo(1.0);
    }

    @Test
    void removedTrackLeavesTheStore() {
        send(update("cam-1", "p1", 1, 10, 20, true));
        send(update("cam-1", "p2", 1, 30, 40, true));

        send(removed("cam-1", "p1", 2));

        assertThat(tracks().get(StoreNames.trackKey("cam-1", "p1"))).isNull();
        assertThat(tracks().get(StoreNames.trackKey("cam-1", "p2"))).isNotNull();
    }

    @Test
    void trackNoLongerUpdatedIsDroppedAfterItsTimeToLive() {
        send(update("cam-1", "gone", 1, 10, 20, true, at(0)));
        send(update("cam-1", "alive", 1, 10, 20, true, at(0)));

        send(update("cam-1", "alive", 2, 11, 20, true, at(20_000)));
        assertThat(tracks().get(StoreNames.trackKey("cam-1", "gone"))).isNotNull();
        send(update("cam-1", "alive", 3, 12, 20, true, at(40_000)));

        assertThat(tracks().get(StoreNames.trackKey("cam-1", "gone"))).isNull();
        assertThat(tracks().get(StoreNames.trackKey("cam-1", "alive")).getSequence()).isEqualTo(3);
    }

    @Test
    void updateNoNewerThanTheTracksStateIsCountedAndIgnored() {
        send(update("cam-1", "p1", 5, 10, 20, true));

        send(update("cam-1", "p1", 4, 99, 99, true));
        send(update("cam-1", "p1", 5, 99, 99, true));

        assertThat(tracks().get(StoreNames.trackKey("cam-1", "p1")).getX()).isEqualTo(10.0);
        assertThat(counters.staleUpdates()).isEqualTo(2);
    }

    @Test
    void closedWindowIsWrittenOnceWithItsMotionFigures() {
        // frames 100 ms apart; p1 moves 2 px per frame (20 px/s), p2 is occluded on one pair
        send(tracked("cam-1", 1, at(100), flow("p1", 0, 2, true), flow("p2", 5, 5, true)));
        send(tracked("cam-1", 2, at(200), flow("p1", 2, 4, true), flow("p2", 5, 6, false)));
        send(skipped("cam-1", 3, at(300)));
        send(tracked("cam-1", 4, at(400), flow("p1", 4, 10, true)));
        assertThat(summaries.isEmpty()).as("window still open").isTrue();

        // stream time passes the window's end plus grace
        send(tracked("cam-1", 200, at(12_000), flow("p1", 10, 10, true)));

        List<KeyValue<String, MotionSummary>> out = summaries.readKeyValuesToList();
        assertThat(out).hasSize(1);
        MotionSummary s = out.get(0).value;
        assertThat(out.get(0).key).isEqualTo("cam-1");
        assertThat(s.getWindowStart()).isEqualTo(T0);
        assertThat(s.getWindowEnd()).isEqualTo(at(10_000));
        assertThat(s.getActiveTracks()).isEqualTo(2);
        assertThat(s.getPointSteps()).isEqualTo(5);
        assertThat(s.getTrackedPairs()).isEqualTo(3);
        assertThat(s.getSkippedPairs()).isEqualTo(1);
        assertThat(s.getOccludedShare()).isCloseTo(0.2, within(1e-9));
        // pair 2 gives p1 20 px/s and p2 none; pair 4 spans 100 ms after the skipped pair 3: 60
        // px/s; pair 1 is the camera's first, with no time between its frames
        assertThat(s.getMeanSpeed()).isCloseTo(40.0, within(1e-9));
        assertThat(s.getMaxSpeed()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void openWindowIsQueryableBeforeItCloses() {
        send(tracked("cam-1", 1, at(100), flow("p1", 0, 2, true)));
        send(tracked("cam-1", 2, at(200), flow("p1", 2, 4, true)));

        WindowStore<String, SummaryAccumulator> store = driver.getWindowStore(StoreNames.SUMMARIES);
        try (WindowStoreIterator<SummaryAccumulator> it =
                store.fetch("cam-1", T0.minusSeconds(60), T0.plusSeconds(60))) {
            KeyValue<Long, SummaryAccumulator> window = it.next();
            assertThat(window.key).isEqualTo(T0.toEpochMilli());
            assertThat(window.value.getTrackedPairs()).isEqualTo(2);
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void lateRecordForAClosedWindowChangesNothing() {
        send(tracked("cam-1", 1, at(100), flow("p1", 0, 2, true)));
        send(tracked("cam-1", 200, at(12_500), flow("p1", 2, 2, true)));
        assertThat(summaries.readValuesToList()).hasSize(1);

        send(tracked("cam-1", 150, at(9_000), flow("p1", 2, 3, true)));

        assertThat(summaries.isEmpty()).isTrue();
        WindowStore<String, SummaryAccumulator> store = driver.getWindowStore(StoreNames.SUMMARIES);
        assertThat(store.fetch("cam-1", T0.toEpochMilli()).getTrackedPairs()).isEqualTo(1);
        assertThat(droppedRecords()).isEqualTo(1.0);
    }

    @Test
    void undecodableRecordGoesToDeadLettersWithWhereItWas() {
        TestInputTopic<String, byte[]> raw =
                driver.createInputTopic(
                        Topics.TRACK_UPDATES, new StringSerializer(), new ByteArraySerializer());

        raw.pipeInput("cam-1", new byte[] {1, 2, 3}, at(0));
        send(update("cam-1", "p1", 1, 10, 20, true));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.TRACK_UPDATES);
        assertThat(letter.getPartition()).isEqualTo(0);
        assertThat(letter.getOffset()).isEqualTo(0);
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(letter.getRaw()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(counters.deadLetters()).containsEntry(Topics.TRACK_UPDATES, 1L);
        assertThat(tracks().get(StoreNames.trackKey("cam-1", "p1"))).isNotNull();
    }

    @Test
    void recordKeyedByAnotherCameraGoesToDeadLetters() {
        updates.pipeInput("cam-2", update("cam-1", "p1", 1, 10, 20, true), at(100));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.OTHER);
        assertThat(letter.getMessage()).contains("cam-1").contains("cam-2");
        assertThat(tracks().get(StoreNames.trackKey("cam-1", "p1"))).isNull();
    }

    @Test
    void keepsEachCamerasLatestFrameScaledDownAtMostOncePerInterval() throws IOException {
        send(frame("cam-1", 1, at(0)));
        send(frame("cam-1", 2, at(100)));
        assertThat(viewerFrames().get("cam-1").getSequence()).isEqualTo(1);

        send(frame("cam-1", 6, at(600)));

        ViewerFrame kept = viewerFrames().get("cam-1");
        assertThat(kept.getSequence()).isEqualTo(6);
        assertThat(kept.getWidth()).isEqualTo(128);
        var image = ImageIO.read(new ByteArrayInputStream(bytes(kept.getJpeg())));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    private void send(TrackUpdate u) {
        updates.pipeInput(u.getCameraId(), u, u.getCaptureTime());
    }

    private void send(FlowResult r) {
        results.pipeInput(r.getCameraId(), r, r.getTimings().getCaptureTime());
    }

    private void send(Frame f) {
        frames.pipeInput(f.getCameraId(), f, f.getCaptureTime());
    }

    private static Frame frame(String camera, long sequence, Instant capture) {
        RgbImage image = RgbImage.blank(128, 96);
        return Frame.newBuilder()
                .setCameraId(camera)
                .setSequence(sequence)
                .setCaptureTime(capture)
                .setWidth(128)
                .setHeight(96)
                .setEncoding(FrameEncoding.JPEG)
                .setData(ByteBuffer.wrap(new FrameEncoder(FrameEncoding.JPEG, 0.9f).encode(image)))
                .build();
    }

    private KeyValueStore<String, TrackView> tracks() {
        return driver.getKeyValueStore(StoreNames.TRACKS);
    }

    private KeyValueStore<String, ViewerFrame> viewerFrames() {
        return driver.getKeyValueStore(StoreNames.FRAMES);
    }

    private double droppedRecords() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
