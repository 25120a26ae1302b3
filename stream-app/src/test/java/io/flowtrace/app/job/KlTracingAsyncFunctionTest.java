package io.flowtrace.app.job;

import static io.flowtrace.app.job.TestFrames.claimedPng;
import static io.flowtrace.app.job.TestFrames.png;
import static io.flowtrace.app.job.TestFrames.rgb24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.TracerConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KlTracingAsyncFunctionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CAMERA = "cam";

    /** A quick recipe: two masks, one zoom. */
    private static final TracingConfig FAST =
            TracingConfig.defaults()
                    .withRecipe(() -> TracerConfig.defaults().withMasks(2).withZoomIterations(1))
                    .withTimeout(TIMEOUT);

    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private MockEnvironment environment;
    private OneInputStreamOperatorTestHarness<TrackRequest, TrackResponse> harness;

    @AfterEach
    void close() throws Exception {
        FakeProbeModels.Blocking.release();
        harness.close();
        environment.close();
    }

    @Test
    void tracksAGeneratedTranslationWithinAPixel() throws Exception {
        SyntheticClip clip =
                SyntheticClip.generate(
                        SceneSpec.builder()
                                .size(96, 96)
                                .layers(2)
                                .maxSpeed(4)
                                .queries(8)
                                .seed(7)
                                .build());
        Frame first = png(CAMERA, 10, clip.frames().get(0));
        Frame second = png(CAMERA, 11, clip.frames().get(1));
        List<PointAnchor> points =
                clip.queries().stream()
                        .map(q -> new PointAnchor("q" + q.id(), 10, q.x(), q.y()))
                        .toList();
        start(FAST);

        TrackResponse response = track(request(second, points, first));

        assertThat(response.outcome())
                .as("%s", response.failure())
                .isEqualTo(TrackResponse.Outcome.TRACKED);
        assertThat(response.modelId()).isEqualTo("flowtrace-reference:1");
        assertThat(response.inferenceMillis()).isPositive();
        Map<String, TrackPoint> truth =
                clip.groundTruth().stream()
                        .collect(Collectors.toMap(t -> "q" + t.id(), Function.identity()));
        double errorSum = 0;
        int visible = 0;
        for (PointResult r : response.points()) {
            TrackPoint t = truth.get(r.pointId());
            if (t.visible()) {
                errorSum += Math.hypot(r.x() - t.x(), r.y() - t.y());
                visible++;
            }
        }
        System.out.printf(
                "job translation: mean error %.3f px over %d visible points%n",
                errorSum / visible, visible); // kept in the surefire report
        assertThat(visible).isGreaterThan(4);
        assertThat(errorSum / visible).as("mean end-point error in px").isLessThan(1.0);
        assertThat(response.points())
                .extracting(PointResult::anchor)
                .containsExactlyElementsOf(points);
    }

    @Test
    void tracksEachAnchorGroupFromItsOwnFrame() throws Exception {
        RgbImage image =
                SyntheticClip.generate(SceneSpec.builder().size(64, 64).queries(1).build())
                        .frames()
                        .get(0);
        Frame anchor1 = rgb24(CAMERA, 1, image);
        Frame anchor2 = png(CAMERA, 2, image);
        Frame later = rgb24(CAMERA, 3, image);
        start(FAST);

        TrackResponse response =
                track(
                        request(
                                later,
                                List.of(
                                        new PointAnchor("a", 1, 20, 20),
                                        new PointAnchor("b", 2, 40, 30)),
                                anchor1,
                                anchor2));

        assertThat(response.outcome())
                .as("%s", response.failure())
                .isEqualTo(TrackResponse.Outcome.TRACKED);
        assertThat(response.points()).extracting(PointResult::pointId).containsExactly("a", "b");
        assertThat(response.points().get(1).x()).isCloseTo(40, within(1.0));
    }

    @Test
    void deadLettersAnUndecodableFrameWithAReason() throws Exception {
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame garbage = claimedPng(CAMERA, 2, 32, 32, "not a png".getBytes(StandardCharsets.UTF_8));
        start(FAST);

        TrackResponse response =
                track(request(garbage, List.of(new PointAnchor("p", 1, 5, 5)), anchor));

        assertThat(response.outcome()).isEqualTo(TrackResponse.Outcome.FAILED);
        assertThat(response.points()).isEmpty();
        DeadLetter letter = response.deadLetter();
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(letter.getMessage()).contains("camera cam frame 2", "PNG");
        assertThat(letter.getSourceTopic()).isEqualTo("frames");
        assertThat(letter.getKey())
                .isEqualTo(ByteBuffer.wrap(CAMERA.getBytes(StandardCharsets.UTF_8)));
        assertThat(RecordCodec.of(Frame.class).decode(bytes(letter.getRaw()))).isEqualTo(garbage);
        assertThat(response.failure()).startsWith("UNDECODABLE: camera cam frame 2");
        assertThat(metrics.count(KlTracingAsyncFunction.METRIC_FAILED_REQUESTS)).isEqualTo(1);
    }

    @Test
    void deadLettersAFrameOfTheWrongSize() throws Exception {
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 16));
        start(FAST);

        TrackResponse response =
                track(request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor));

        assertThat(response.deadLetter().getReason()).isEqualTo(DeadLetterReason.BAD_FRAME);
        assertThat(response.deadLetter().getMessage())
                .isEqualTo("camera cam frame 2 is 32x16 but its anchor frame 1 is 32x32");
    }

    @Test
    void reportsModelErrorsAsFailedResponses() throws Exception {
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32));
        start(FAST.withModel(FakeProbeModels.failing()));

        TrackResponse response =
                track(request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor));

        assertThat(response.outcome()).isEqualTo(TrackResponse.Outcome.FAILED);
        assertThat(response.deadLetter().getReason()).isEqualTo(DeadLetterReason.MODEL_ERROR);
        assertThat(response.deadLetter().getMessage())
                .contains("model failing:1", "camera cam frame 2", "does not probe");
        assertThat(response.deadLetter().getRaw().remaining()).isZero();
    }

    @Test
    void completesTimedOutRequestsInsteadOfFailing() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32));
        start(FAST.withModel(FakeProbeModels.blocking()));
        harness.setProcessingTime(0);

        harness.processElement(request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor), 0);
        harness.setProcessingTime(TIMEOUT.toMillis() + 1);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).outcome()).isEqualTo(TrackResponse.Outcome.TIMED_OUT);
        assertThat(out.get(0).failure()).isEqualTo("no result within 30000 ms");
        assertThat(out.get(0).modelId()).isEqualTo("blocking:1");
        assertThat(metrics.count(KlTracingAsyncFunction.METRIC_TIMED_OUT_REQUESTS)).isEqualTo(1);
    }

    @Test
    void skipsPairsThatWaitedLongerThanTheLiveLagAndTracksFreshOnes() throws Exception {
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32));
        start(FAST.withLiveMaxLag(Duration.ofSeconds(5)));
        TrackRequest stale = request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor);
        TrackRequest fresh =
                new TrackRequest(
                        CAMERA,
                        1,
                        later,
                        0,
                        System.currentTimeMillis(),
                        stale.points(),
                        stale.anchorFrames(),
                        List.of());

        harness.processElement(stale, 0);
        harness.processElement(fresh, 0);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(TrackResponse::outcome)
                .containsExactly(TrackResponse.Outcome.SKIPPED, TrackResponse.Outcome.TRACKED);
        assertThat(out.get(0).failure()).contains("live mode").contains("5000 ms allowed");
        assertThat(out.get(0).deadLetter()).isNull();
        assertThat(metrics.count(KlTracingAsyncFunction.METRIC_SKIPPED_PAIRS)).isEqualTo(1);
    }

    private void start(TracingConfig config) throws Exception {
        environment = new MockEnvironmentBuilder().setMetricGroup(metrics).build();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new AsyncWaitOperatorFactory<>(
                                new KlTracingAsyncFunction(config),
                                config.timeout().toMillis(),
                                config.capacity(),
                                AsyncDataStream.OutputMode.ORDERED),
                        TypeInformation.of(TrackRequest.class)
                                .createSerializer(new ExecutionConfig().getSerializerConfig()),
                        environment);
        harness.open();
    }

    private TrackResponse track(TrackRequest request) throws Exception {
        harness.processElement(request, 0);
        harness.endInput();
        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static TrackRequest request(Frame later, List<PointAnchor> points, Frame... anchors) {
        return new TrackRequest(
                CAMERA, later.getSequence() - 1, later, 0, 0, points, List.of(anchors), List.of());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
