package io.flowtrace.job;

import static io.flowtrace.job.TestFrames.add;
import static io.flowtrace.job.TestFrames.captureMillis;
import static io.flowtrace.job.TestFrames.frame;
import static io.flowtrace.job.TestFrames.pair;
import static io.flowtrace.job.TestFrames.remove;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.job.internal.CameraPoints;
import io.flowtrace.job.internal.CornersTest;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryRegistryFunctionTest {

    private static final Duration IDLE = Duration.ofHours(1);
    private static final QueryConfig CONFIG = new QueryConfig(SeedingMode.NONE, 16, 1024, IDLE);

    private QueryRegistryFunction function;
    private KeyedTwoInputStreamOperatorTestHarness<String, FramePair, TrackQuery, TrackRequest>
            harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void tracksEveryPointFromItsAnchorFrameIntoTheLaterFrame() throws Exception {
        start(CONFIG);
        send(add("a", "p1", null, 1, 2));
        send(pair("a", 1, 2));
        send(add("a", "p2", null, 3, 3));

        send(pair("a", 2, 3));

        TrackRequest request = last();
        assertThat(request.fromSequence()).isEqualTo(2);
        assertThat(request.toSequence()).isEqualTo(3);
        assertThat(request.points())
                .containsExactly(new PointAnchor("p1", 1, 1, 2), new PointAnchor("p2", 2, 3, 3));
        assertThat(request.anchorFrames()).containsExactly(frame("a", 1), frame("a", 2));
    }

    @Test
    void addsAndRemovesQueriesAtAnyTime() throws Exception {
        start(CONFIG);
        send(pair("a", 1, 2));
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(r -> assertThat(r.points()).isEmpty());

        send(add("a", "p1", null, 1, 1));
        send(add("a", "p2", null, 2, 2));
        send(pair("a", 2, 3));
        send(remove("a", "p1"));
        send(pair("a", 3, 4));
        send(remove("a", "p2"));
        send(pair("a", 4, 5));
        send(pair("a", 5, 6));

        List<TrackRequest> all = harness.extractOutputValues();
        assertThat(all).extracting(TrackRequest::toSequence).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(all.get(4).points()).isEmpty();
        assertThat(all.get(4).removedPointIds()).isEmpty();
        List<TrackRequest> requests = all.subList(1, 4);
        assertThat(requests.get(0).points())
                .extracting(PointAnchor::pointId)
                .containsExactly("p1", "p2");
        assertThat(requests.get(1).points()).extracting(PointAnchor::pointId).containsExactly("p2");
        assertThat(requests.get(1).removedPointIds()).containsExactly("p1");
        assertThat(requests.get(2).points()).isEmpty();
        assertThat(requests.get(2).removedPointIds()).containsExactly("p2");
    }

    @Test
    void keepsOldAnchorFramesApartFromNewOnesWhenACameraRestartsItsNumbering() throws Exception {
        start(CONFIG);
        send(add("a", "old", null, 1, 1));
        send(pair("a", 0, 1));
        send(pair("a", 1, 2));
        // the camera restarts at 0, an hour later
        Frame new0 =
                TestFrames.capturedAt(frame("a", 0, 8, 8), TestFrames.captureMillis(0) + 3_600_000);
        Frame new1 =
                TestFrames.capturedAt(frame("a", 1, 8, 8), TestFrames.captureMillis(1) + 3_600_000);
        send(add("a", "new", null, 2, 2));
        send(new FramePair("a", new0, new1, 0, 0));

        TrackRequest request = last();
        assertThat(request.points())
                .containsExactly(new PointAnchor("new", 0, 2, 2), new PointAnchor("old", -3, 1, 1));
        assertThat(request.anchorFrames())
                .containsExactly(Frame.newBuilder(frame("a", 0)).setSequence(-3).build(), new0);
    }

    @Test
    void movesQueriesNamingAnOldFrameWithTheOldNumbering() throws Exception {
        start(CONFIG);
        send(pair("a", 0, 1));
        send(issuedAt(add("a", "p", null, 1, 1), captureMillis(1) + 1));
        send(pair("a", 1, 2)); // p placed on frame 1
        // issued before the restart, naming frame 1 of the old numbering
        send(issuedAt(add("a", "q", 1L, 2, 2), captureMillis(2) + 1));
        long later = captureMillis(2) + 3_600_000;
        send(
                new FramePair(
                        "a",
                        TestFrames.capturedAt(frame("a", 0), later),
                        TestFrames.capturedAt(frame("a", 1), later + 100),
                        0,
                        0));

        assertThat(last().points())
                .containsExactly(new PointAnchor("p", -2, 1, 1), new PointAnchor("q", -2, 2, 2));
        assertThat(last().anchorFrames())
                .containsExactly(Frame.newBuilder(frame("a", 1)).setSequence(-2).build());
    }

    @Test
    void tracksPairsStillWaitingWhenTheCameraGoesIdle() throws Exception {
        start(CONFIG);
        harness.setProcessingTime(0);
        send(add("a", "p", null, 1, 1));
        harness.processElement1(pair("a", 1, 2), captureMillis(2)); // the watermark never comes

        harness.setProcessingTime(IDLE.toMillis());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.points())
                                        .extracting(PointAnchor::pointId)
                                        .containsExactly("p"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void tracksTheOldestPairWhenTooManyWaitForTheWatermark() throws Exception {
        start(CONFIG);
        for (long seq = 1; seq <= QueryRegistryFunction.MAX_PENDING_PAIRS + 2; seq++) {
            harness.processElement1(pair("a", seq, seq + 1), captureMillis(seq + 1));
        }

        assertThat(harness.extractOutputValues())
                .extracting(TrackRequest::toSequence)
                .containsExactly(2L, 3L);
        assertThat(function.pendingOverflows()).isEqualTo(2);
    }

    @Test
    void dropsAnchorFramesNoPointUses() throws Exception {
        start(CONFIG);
        send(add("a", "p1", null, 1, 1));
        send(pair("a", 1, 2));
        send(add("a", "p2", null, 1, 1));
        send(add("a", "p3", null, 2, 2));
        send(pair("a", 2, 3));
        assertThat(anchorFrames("a")).containsExactly(1L, 2L);

        send(remove("a", "p1"));
        send(pair("a", 3, 4));
        assertThat(anchorFrames("a")).containsExactly(2L);

        send(add("a", "p2", null, 0, 0));
        send(remove("a", "p3"));
        send(pair("a", 4, 5));
        assertThat(anchorFrames("a")).containsExactly(4L);
        assertThat(last().anchorFrames()).containsExactly(frame("a", 4));
    }

    @Test
    void appliesAQueryOnlyToFramesCapturedAfterItWasIssued() throws Exception {
        start(CONFIG);
        FramePair first = pair("a", 1, 2);
        long captured = first.later().getCaptureTime().toEpochMilli();
        TrackQuery issuedLater =
                TrackQuery.newBuilder(add("a", "p1", null, 1, 1))
                        .setIssuedAt(first.later().getCaptureTime().plusMillis(1))
                        .build();
        harness.processElement2(issuedLater, captured + 1);
        harness.processElement1(first, captured);
        harness.processBothWatermarks(new Watermark(captured));

        assertThat(last().points()).as("issued after frame 2 was captured").isEmpty();

        send(pair("a", 2, 3));
        assertThat(last().points()).extracting(PointAnchor::pointId).containsExactly("p1");
    }

    @Test
    void placesAPointOnItsQueryFrameOrElseOnTheEarlierFrame() throws Exception {
        start(CONFIG);
        send(add("a", "future", 5L, 1, 1));
        send(add("a", "kept", 2L, 1, 1));
        send(pair("a", 2, 3));
        assertThat(last().points()).containsExactly(new PointAnchor("kept", 2, 1, 1));

        send(add("a", "onKeptFrame", 2L, 2, 2));
        send(add("a", "onLostFrame", 3L, 3, 3));
        send(pair("a", 5, 6));

        assertThat(last().points())
                .containsExactly(
                        new PointAnchor("future", 5, 1, 1),
                        new PointAnchor("kept", 2, 1, 1),
                        new PointAnchor("onKeptFrame", 2, 2, 2),
                        new PointAnchor("onLostFrame", 5, 3, 3));
    }

    @Test
    void replacingAPointEndsItsOldTrack() throws Exception {
        start(CONFIG);
        send(add("a", "p1", null, 1, 1));
        send(pair("a", 1, 2));

        send(add("a", "p1", null, 2, 3));
        send(pair("a", 2, 3));

        assertThat(last().removedPointIds()).containsExactly("p1");
        assertThat(last().points()).containsExactly(new PointAnchor("p1", 2, 2, 3));
    }

    @Test
    void countsAndIgnoresRemovalsOfUnknownPoints() throws Exception {
        start(CONFIG);
        send(add("a", "p1", null, 1, 1));

        send(remove("a", "nobody"));
        send(pair("a", 1, 2));

        assertThat(function.unknownRemovals()).isEqualTo(1);
        assertThat(last().points()).extracting(PointAnchor::pointId).containsExactly("p1");
        assertThat(last().removedPointIds()).isEmpty();
    }

    @Test
    void rejectsPointsBeyondTheLimitOrOutsideTheFrame() throws Exception {
        start(new QueryConfig(SeedingMode.NONE, 16, 2, IDLE));
        send(add("a", "p1", null, 1, 1));
        send(add("a", "outside", null, 4, 1));
        send(add("a", "tooMany", null, 1, 1));
        send(add("a", "notANumber", null, Double.NaN, 1));

        send(pair("a", 1, 2));

        assertThat(last().points()).extracting(PointAnchor::pointId).containsExactly("p1");
        assertThat(function.rejectedQueries()).isEqualTo(3);
        assertThat(harness.getSideOutput(QueryRegistryFunction.DEAD_LETTERS))
                .extracting(r -> r.getValue())
                .extracting(DeadLetter::getMessage)
                .containsExactlyInAnyOrder(
                        "query outside of camera a: (4.0, 1.0) lies outside its frame 1 (4x4)",
                        "camera a already holds 2 points; query tooMany not added",
                        "query notANumber of camera a: position (NaN, 1.0) is not finite");
        assertThat(harness.getSideOutput(QueryRegistryFunction.DEAD_LETTERS))
                .extracting(r -> r.getValue())
                .allSatisfy(
                        d -> {
                            assertThat(d.getReason()).isEqualTo(DeadLetterReason.BAD_QUERY);
                            assertThat(d.getSourceTopic()).isEqualTo(Topics.TRACK_QUERIES);
                            assertThat(
                                            RecordCodec.of(TrackQuery.class)
                                                    .decode(bytes(d.getRaw()))
                                                    .getCameraId())
                                    .isEqualTo("a");
                        });
    }

    @Test
    void deadLettersQueriesBeyondWhatMayWait() throws Exception {
        start(new QueryConfig(SeedingMode.NONE, 16, 1, IDLE));
        int limit = QueryRegistryFunction.MAX_PENDING_QUERIES_PER_POINT;
        for (int i = 0; i <= limit; i++) {
            send(add("a", "p" + i, null, 1, 1));
        }

        assertThat(function.rejectedQueries()).isEqualTo(1);
        assertThat(harness.getSideOutput(QueryRegistryFunction.DEAD_LETTERS))
                .extracting(r -> r.getValue().getMessage())
                .containsExactly(
                        "camera a: "
                                + limit
                                + " queries already wait for frames captured after they were"
                                + " issued; query p"
                                + limit
                                + " not queued");
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void seedsAGridWhenConfigured() throws Exception {
        start(CONFIG.withGrid(16));

        send(new FramePair("a", frame("a", 1, 64, 48), frame("a", 2, 64, 48), 0, 0));
        send(remove("a", "grid-8-8"));
        send(new FramePair("a", frame("a", 2, 64, 48), frame("a", 3, 64, 48), 0, 0));

        List<TrackRequest> requests = harness.extractOutputValues();
        assertThat(requests.get(0).points())
                .hasSize(4 * 3)
                .allSatisfy(p -> assertThat(p.sequence()).isEqualTo(1))
                .contains(new PointAnchor("grid-8-8", 1, 8, 8))
                .contains(new PointAnchor("grid-56-40", 1, 56, 40));
        assertThat(requests.get(1).points()).hasSize(4 * 3 - 1);
        assertThat(requests.get(1).anchorFrames()).containsExactly(frame("a", 1, 64, 48));
    }

    @Test
    void seedsImageCornersOnTheFirstPairThatHasSome() throws Exception {
        start(CONFIG.withCorners(16));
        Frame flat = TestFrames.png("a", 1, RgbImage.blank(64, 48));
        Frame box = TestFrames.png("a", 2, CornersTest.rectangle(64, 48, 16, 12, 24, 20));
        Frame next = TestFrames.png("a", 3, CornersTest.rectangle(64, 48, 16, 12, 24, 20));

        send(new FramePair("a", flat, box, 0, 0));
        send(new FramePair("a", box, next, 0, 0));

        List<TrackRequest> requests = harness.extractOutputValues();
        assertThat(requests.get(0).points()).as("a flat frame has no corners").isEmpty();
        List<PointAnchor> seeded = requests.get(1).points();
        assertThat(seeded).hasSize(4).allSatisfy(p -> assertThat(p.sequence()).isEqualTo(2));
        assertThat(seeded)
                .extracting(PointAnchor::pointId)
                .allMatch(id -> id.startsWith("corner-"));
        assertThat(seeded)
                .anySatisfy(
                        p ->
                                assertThat(Math.hypot(p.x() - 16, p.y() - 12))
                                        .isLessThanOrEqualTo(1.5));
        assertThat(requests.get(1).anchorFrames()).containsExactly(box);
    }

    @Test
    void seedsNothingByDefault() throws Exception {
        start(CONFIG);

        send(pair("a", 1, 2));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(r -> assertThat(r.points()).isEmpty());
    }

    @Test
    void waitsForTheQueriesWatermarkBeforeTrackingAPair() throws Exception {
        start(CONFIG);
        FramePair first = pair("a", 1, 2);
        long captured = first.later().getCaptureTime().toEpochMilli();
        harness.processElement1(first, captured);
        harness.processWatermark1(new Watermark(captured));
        assertThat(harness.extractOutputValues()).as("queries not yet caught up").isEmpty();

        TrackQuery early = add("a", "p1", null, 1, 1);
        harness.processElement2(early, early.getIssuedAt().toEpochMilli());
        harness.processWatermark2(new Watermark(captured));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.points())
                                        .extracting(PointAnchor::pointId)
                                        .containsExactly("p1"));
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void clearsIdleCameraStateAndTimers() throws Exception {
        start(CONFIG.withGrid(16));
        harness.setProcessingTime(0);
        send(add("a", "p1", null, 1, 1));
        send(add("a", "p2", 9L, 1, 1));
        send(pair("a", 1, 2));
        send(remove("a", "p1"));
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(IDLE.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void start(QueryConfig config) throws Exception {
        function = new QueryRegistryFunction(config);
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(function),
                        FramePair::cameraId,
                        TrackQuery::getCameraId,
                        Types.STRING);
        harness.open();
    }

    private void send(FramePair pair) throws Exception {
        long captured = pair.later().getCaptureTime().toEpochMilli();
        harness.processElement1(pair, captured);
        harness.processBothWatermarks(new Watermark(captured));
    }

    private void send(TrackQuery query) throws Exception {
        harness.processElement2(query, query.getIssuedAt().toEpochMilli());
    }

    private static TrackQuery issuedAt(TrackQuery query, long millis) {
        return TrackQuery.newBuilder(query).setIssuedAt(Instant.ofEpochMilli(millis)).build();
    }

    private TrackRequest last() {
        List<TrackRequest> requests = harness.extractOutputValues();
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    /** The sequences of the anchor frames the registry keeps in state for {@code camera}. */
    private List<Long> anchorFrames(String camera) throws Exception {
        KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(camera);
        MapStateDescriptor<Long, Frame> descriptor = CameraPoints.anchorFramesDescriptor();
        descriptor.initializeSerializerUnlessSet(new ExecutionConfig());
        MapState<Long, Frame> state =
                backend.getPartitionedState(
                        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
        List<Long> sequences = new ArrayList<>();
        state.keys().forEach(sequences::add);
        sequences.sort(Long::compare);
        return sequences;
    }
}
