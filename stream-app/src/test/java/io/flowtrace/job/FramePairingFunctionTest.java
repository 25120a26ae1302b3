package io.flowtrace.job;

import static io.flowtrace.job.TestFrames.captureMillis;
import static io.flowtrace.job.TestFrames.capturedAt;
import static io.flowtrace.job.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.schema.Frame;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FramePairingFunctionTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private MockEnvironment environment;
    private KeyedOneInputStreamOperatorTestHarness<String, Frame, FramePair> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
        environment.close();
    }

    @Test
    void pairsConsecutiveFramesPerCamera() throws Exception {
        start(64);

        send(frame("a", 1), frame("b", 1), frame("a", 2), frame("b", 2), frame("a", 3));
        harness.processWatermark(captureMillis(3));

        assertThat(pairs())
                .filteredOn(p -> p.startsWith("a"))
                .containsExactly("a 1->2 missing 0", "a 2->3 missing 0");
        assertThat(pairs()).filteredOn(p -> p.startsWith("b")).containsExactly("b 1->2 missing 0");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void holdsFramesBackUntilTheWatermarkPassesTheirCaptureTime() throws Exception {
        start(64);

        send(frame("a", 1), frame("a", 2), frame("a", 3));
        harness.processWatermark(captureMillis(2) - 1);
        assertThat(pairs()).isEmpty();

        harness.processWatermark(captureMillis(2));
        assertThat(pairs()).containsExactly("a 1->2 missing 0");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void reordersLateFramesWithinTheBound() throws Exception {
        start(64);

        send(frame("a", 1), frame("a", 3), frame("a", 2), frame("a", 5), frame("a", 4));
        harness.processWatermark(captureMillis(5));

        assertThat(pairs())
                .containsExactly(
                        "a 1->2 missing 0",
                        "a 2->3 missing 0",
                        "a 3->4 missing 0",
                        "a 4->5 missing 0");
    }

    @Test
    void dropsAndCountsDuplicateSequenceNumbers() throws Exception {
        start(64);

        send(frame("a", 1), frame("a", 2));
        harness.processWatermark(captureMillis(2));
        send(frame("a", 3), frame("a", 3), frame("a", 2), frame("a", 1));
        harness.processWatermark(captureMillis(3));

        assertThat(pairs()).containsExactly("a 1->2 missing 0", "a 2->3 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_DUPLICATE_FRAMES)).isEqualTo(3);
        assertThat(metrics.count(FramePairingFunction.METRIC_LATE_FRAMES)).isZero();
        assertThat(harness.getSideOutput(FramePairingFunction.LATE_FRAMES)).isNull();
    }

    @Test
    void sendsFramesOlderThanThePairedOnesToTheLateSideOutput() throws Exception {
        start(64);

        send(frame("a", 1), frame("a", 2), frame("a", 4));
        harness.processWatermark(captureMillis(4));
        send(frame("a", 3));

        assertThat(pairs()).containsExactly("a 1->2 missing 0", "a 2->4 missing 1");
        assertThat(harness.getSideOutput(FramePairingFunction.LATE_FRAMES))
                .extracting(StreamRecord::getValue)
                .containsExactly(new LateFrame(frame("a", 3), 4));
        assertThat(metrics.count(FramePairingFunction.METRIC_LATE_FRAMES)).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void recordsGapsInTheResult() throws Exception {
        start(64);

        send(frame("a", 7), frame("a", 8), frame("a", 11), frame("a", 20));
        harness.processWatermark(captureMillis(20));

        assertThat(pairs())
                .containsExactly("a 7->8 missing 0", "a 8->11 missing 2", "a 11->20 missing 8");
        assertThat(metrics.count(FramePairingFunction.METRIC_MISSING_FRAMES)).isEqualTo(10);
    }

    @Test
    void releasesTheOldestFrameEarlyWhenTheBufferIsFull() throws Exception {
        start(2);

        send(frame("a", 1), frame("a", 2), frame("a", 3), frame("a", 4));

        assertThat(pairs()).containsExactly("a 1->2 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_REORDER_OVERFLOWS)).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(captureMillis(4));
        assertThat(pairs())
                .containsExactly("a 1->2 missing 0", "a 2->3 missing 0", "a 3->4 missing 0");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void releasesAFrameBehindTheWatermarkAtOnce() throws Exception {
        start(64);
        send(frame("a", 1));
        harness.processWatermark(captureMillis(5));

        send(frame("a", 2));

        assertThat(pairs()).containsExactly("a 1->2 missing 0");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void clearsIdleCameraStateAndTimers() throws Exception {
        start(64);
        harness.setProcessingTime(0);
        send(frame("a", 1), frame("a", 2), frame("b", 1));
        harness.setProcessingTime(IDLE.toMillis() - 1);
        send(frame("b", 2));

        harness.setProcessingTime(IDLE.toMillis());

        assertThat(pairs()).containsExactly("a 1->2 missing 0");
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(2 * IDLE.toMillis());

        assertThat(pairs()).containsExactly("a 1->2 missing 0", "b 1->2 missing 0");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void startsAfreshWhenAnIdleCameraComesBack() throws Exception {
        start(64);
        send(frame("a", 1), frame("a", 2));
        harness.setProcessingTime(IDLE.toMillis());

        send(frame("a", 1), frame("a", 2));
        harness.processWatermark(captureMillis(2));

        assertThat(pairs()).containsExactly("a 1->2 missing 0", "a 1->2 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_DUPLICATE_FRAMES)).isZero();
    }

    @Test
    void startsAfreshWhenACameraRestartsItsNumbering() throws Exception {
        start(64);
        send(frame("a", 50), frame("a", 51));
        harness.processWatermark(captureMillis(51));

        send(
                capturedAt(frame("a", 0), captureMillis(52)),
                capturedAt(frame("a", 1), captureMillis(53)));
        harness.processWatermark(captureMillis(53));

        assertThat(pairs()).containsExactly("a 50->51 missing 0", "a 0->1 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_SEQUENCE_RESTARTS)).isEqualTo(1);
        assertThat(metrics.count(FramePairingFunction.METRIC_LATE_FRAMES)).isZero();
    }

    @Test
    void takesAStragglerWithAJitteryClockForALateFrameNotARestart() throws Exception {
        start(64);
        send(frame("a", 1), frame("a", 3));
        harness.processWatermark(captureMillis(3));

        send(capturedAt(frame("a", 2), captureMillis(3) + 10), frame("a", 4));
        harness.processWatermark(captureMillis(4));

        assertThat(pairs()).containsExactly("a 1->3 missing 1", "a 3->4 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_LATE_FRAMES)).isEqualTo(1);
        assertThat(metrics.count(FramePairingFunction.METRIC_SEQUENCE_RESTARTS)).isZero();
    }

    @Test
    void takesASmallStepBackAfterAPauseForARestart() throws Exception {
        start(64);
        send(frame("a", 3), frame("a", 4));
        harness.processWatermark(captureMillis(4));

        long later = captureMillis(4) + FramePairingFunction.RESTART_MIN_GAP_MILLIS;
        send(capturedAt(frame("a", 0), later), capturedAt(frame("a", 1), later + 100));
        harness.processWatermark(later + 100);

        assertThat(pairs()).containsExactly("a 3->4 missing 0", "a 0->1 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_SEQUENCE_RESTARTS)).isEqualTo(1);
    }

    @Test
    void keepsPairingACameraWhenTheJobComesBackAfterADowntime() throws Exception {
        start(64);
        harness.setProcessingTime(0);
        send(frame("a", 1), frame("a", 2));
        harness.processWatermark(captureMillis(2));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        environment.close();

        start(64, snapshot); // the job was down for longer than the idle timeout
        harness.setProcessingTime(IDLE.toMillis() + 60_000);
        send(frame("a", 3));
        harness.processWatermark(captureMillis(3));

        assertThat(pairs()).containsExactly("a 2->3 missing 0");
        assertThat(metrics.count(FramePairingFunction.METRIC_LATE_FRAMES)).isZero();

        harness.setProcessingTime(3 * IDLE.toMillis()); // now quiet for a whole timeout
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private void start(int maxBuffered) throws Exception {
        start(maxBuffered, null);
    }

    private void start(int maxBuffered, OperatorSubtaskState restored) throws Exception {
        environment = new MockEnvironmentBuilder().setMetricGroup(metrics).build();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new FramePairingFunction(new PairingConfig(maxBuffered, IDLE))),
                        Frame::getCameraId,
                        Types.STRING,
                        environment);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    private void send(Frame... frames) throws Exception {
        for (Frame f : frames) {
            harness.processElement(f, f.getCaptureTime().toEpochMilli());
        }
    }

    private List<String> pairs() {
        return harness.extractOutputValues().stream()
                .map(
                        p ->
                                p.cameraId()
                                        + " "
                                        + p.fromSequence()
                                        + "->"
                                        + p.toSequence()
                                        + " missing "
                                        + p.missingFrames())
                .toList();
    }
}
