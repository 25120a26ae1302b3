package io.flowtrace.job;

import static io.flowtrace.job.TestFrames.captureMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flowtrace.schema.Anchor;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.PointFlow;
import io.flowtrace.schema.TrackStatus;
import io.flowtrace.schema.TrackUpdate;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackStateFunctionTest {

    private static final Duration IDLE = Duration.ofHours(1);
    private static final String CAMERA = "cam";
    private static final PointAnchor P = new PointAnchor("p", 1, 10, 20);
    private static final PointAnchor Q = new PointAnchor("q", 1, 30, 40);

    private KeyedOneInputStreamOperatorTestHarness<String, TrackResponse, FlowResult> harness;

    @BeforeEach
    void start() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new TrackStateFunction(new TrackStateConfig(IDLE))),
                        TrackResponse::cameraId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsOneFlowResultPerResponseAndOneUpdatePerPoint() throws Exception {
        harness.setProcessingTime(5_000);

        send(tracked(1, 2, List.of(result(P, 11, 21, true), result(Q, 31, 41, true)), 4_000));

        FlowResult flow = single(harness.extractOutputValues());
        assertThat(flow.getStatus()).isEqualTo(PairStatus.TRACKED);
        assertThat(flow.getFromSequence()).isEqualTo(1);
        assertThat(flow.getToSequence()).isEqualTo(2);
        assertThat(flow.getModel().getName()).isEqualTo("flowtrace-reference");
        assertThat(flow.getModel().getVersion()).isEqualTo("1");
        assertThat(flow.getTimings().getInferenceMillis()).isEqualTo(12.5);
        assertThat(flow.getTimings().getIngestToPublishMillis()).isEqualTo(1_000);
        assertThat(flow.getTimings().getCaptureTime())
                .isEqualTo(Instant.ofEpochMilli(captureMillis(2)));
        assertThat(flow.getPoints())
                .containsExactly(
                        new PointFlow("p", 10.0, 20.0, 11.0, 21.0, true, 0.8f, 8, 1.5),
                        new PointFlow("q", 30.0, 40.0, 31.0, 41.0, true, 0.8f, 8, 1.5));
        assertThat(updates())
                .extracting(
                        TrackUpdate::getPointId, TrackUpdate::getStatus, TrackUpdate::getSequence)
                .containsExactly(
                        tuple("p", TrackStatus.TRACKING, 2L), tuple("q", TrackStatus.TRACKING, 2L));
    }

    @Test
    void reportsMotionFromThePreviousPosition() throws Exception {
        send(tracked(1, 2, List.of(result(P, 11, 21, true)), 0));
        send(tracked(2, 3, List.of(result(P, 13, 22, true)), 0));

        PointFlow flow = harness.extractOutputValues().get(1).getPoints().get(0);
        assertThat(List.of(flow.getFromX(), flow.getFromY(), flow.getToX(), flow.getToY()))
                .containsExactly(11.0, 21.0, 13.0, 22.0);
    }

    @Test
    void marksReacquiredPointsAfterOcclusionAndPublishesTheirAnchors() throws Exception {
        // as the tracing operator re-anchors: on each sighting, kept while occluded
        PointAnchor at2 = new PointAnchor(P.pointId(), 2, 11, 21);
        send(tracked(1, 2, List.of(result(P, 11, 21, true).withNextAnchor(at2)), 0));
        send(tracked(2, 3, List.of(result(at2, 12, 22, false)), 0));
        send(tracked(3, 4, List.of(result(at2, 13, 23, false)), 0));
        PointAnchor at5 = new PointAnchor(P.pointId(), 5, 14, 24);
        send(tracked(4, 5, List.of(result(at2, 14, 24, true).withNextAnchor(at5)), 0));
        PointAnchor at6 = new PointAnchor(P.pointId(), 6, 15, 25);
        send(tracked(5, 6, List.of(result(at5, 15, 25, true).withNextAnchor(at6)), 0));

        List<TrackUpdate> updates = updates();
        assertThat(updates)
                .extracting(TrackUpdate::getStatus)
                .containsExactly(
                        TrackStatus.TRACKING,
                        TrackStatus.OCCLUDED,
                        TrackStatus.OCCLUDED,
                        TrackStatus.REACQUIRED,
                        TrackStatus.TRACKING);
        assertThat(updates)
                .extracting(TrackUpdate::getAnchor)
                .containsExactly(
                        new Anchor(2L, 11.0, 21.0),
                        new Anchor(2L, 11.0, 21.0),
                        new Anchor(2L, 11.0, 21.0),
                        new Anchor(5L, 14.0, 24.0),
                        new Anchor(6L, 15.0, 25.0));
    }

    @Test
    void endsTheTracksOfRemovedPoints() throws Exception {
        send(tracked(1, 2, List.of(result(P, 11, 21, true), result(Q, 31, 41, true)), 0));

        send(
                new TrackResponse(
                        CAMERA,
                        2,
                        3,
                        0,
                        captureMillis(3),
                        0,
                        TrackResponse.Outcome.TRACKED,
                        "flowtrace-reference:1",
                        1,
                        List.of(result(Q, 32, 42, true)),
                        List.of("p", "unknown"),
                        null,
                        null));

        List<TrackUpdate> updates = updates();
        TrackUpdate removed = updates.get(2);
        assertThat(removed.getPointId()).isEqualTo("p");
        assertThat(removed.getStatus()).isEqualTo(TrackStatus.REMOVED);
        assertThat(removed.getSequence()).isEqualTo(3);
        assertThat(List.of(removed.getX(), removed.getY())).containsExactly(11.0, 21.0);
        assertThat(updates).hasSize(4);
        assertThat(harness.extractOutputValues().get(1).getPoints()).hasSize(1);
    }

    @Test
    void skipsUntrackedPairsAndDeadLettersBadInput() throws Exception {
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setSourceTopic("frames")
                        .setPartition(-1)
                        .setOffset(-1)
                        .setReason(DeadLetterReason.UNDECODABLE)
                        .setMessage("camera cam frame 2: bad")
                        .setKey(null)
                        .setRaw(ByteBuffer.allocate(0))
                        .setFailedAt(Instant.EPOCH)
                        .build();

        send(failed(1, 2, TrackResponse.Outcome.FAILED, "UNDECODABLE: bad", letter));
        send(failed(2, 3, TrackResponse.Outcome.TIMED_OUT, "no result within 60000 ms", null));
        send(failed(3, 4, TrackResponse.Outcome.SKIPPED, "live mode: waited too long", null));

        assertThat(harness.extractOutputValues())
                .extracting(FlowResult::getStatus, FlowResult::getSkipReason)
                .containsExactly(
                        tuple(PairStatus.SKIPPED, "UNDECODABLE: bad"),
                        tuple(PairStatus.SKIPPED, "no result within 60000 ms"),
                        tuple(PairStatus.SKIPPED, "live mode: waited too long"));
        assertThat(harness.getSideOutput(TrackStateFunction.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .containsExactly(letter);
        assertThat(harness.getSideOutput(TrackStateFunction.TRACK_UPDATES)).isNull();
    }

    @Test
    void clearsIdleCameraStateAndTimers() throws Exception {
        harness.setProcessingTime(0);
        send(tracked(1, 2, List.of(result(P, 11, 21, true)), 0));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.setProcessingTime(IDLE.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void send(TrackResponse response) throws Exception {
        harness.processElement(response, response.captureTimeMillis());
    }

    private List<TrackUpdate> updates() {
        return harness.getSideOutput(TrackStateFunction.TRACK_UPDATES).stream()
                .map(StreamRecord::getValue)
                .toList();
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static PointResult result(PointAnchor anchor, double x, double y, boolean visible) {
        return new PointResult(anchor, x, y, visible, visible ? 0.8 : 0.05, 8, 1.5, Double.NaN);
    }

    private static TrackResponse tracked(
            long from, long to, List<PointResult> points, long receivedAt) {
        return new TrackResponse(
                CAMERA,
                from,
                to,
                0,
                captureMillis(to),
                receivedAt,
                TrackResponse.Outcome.TRACKED,
                "flowtrace-reference:1",
                12.5,
                points,
                List.of(),
                null,
                null);
    }

    private static TrackResponse failed(
            long from, long to, TrackResponse.Outcome outcome, String why, DeadLetter letter) {
        return new TrackResponse(
                CAMERA,
                from,
                to,
                0,
                captureMillis(to),
                0,
                outcome,
                "flowtrace-reference:1",
                0,
                List.of(),
                List.of(),
                why,
                letter);
    }
}
