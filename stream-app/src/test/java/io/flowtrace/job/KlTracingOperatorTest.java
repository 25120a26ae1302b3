package io.flowtrace.job;

import static io.flowtrace.job.TestFrames.claimedPng;
import static io.flowtrace.job.TestFrames.png;
import static io.flowtrace.job.TestFrames.rgb24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KlTracingOperatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CAMERA = "cam";
    private static final Duration IDLE = Duration.ofMinutes(10);

    /** A quick recipe: two masks, one zoom. */
    private static final TracingConfig FAST =
            TracingConfig.defaults()
                    .withRecipe(TracerConfig.defaults().withMasks(2).withZoomIterations(1))
                    .withTimeout(TIMEOUT);

    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private MockEnvironment environment;
    private KeyedOneInputStreamOperatorTestHarness<String, TrackRequest, TrackResponse> harness;
    private KlTracingOperator operator;

    @AfterEach
    void close() throws Exception {
        FakeProbeModels.Blocking.release();
        if (harness != null) {
            harness.close();
        }
        if (environment != null) {
            environment.close();
        }
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
        assertThat(metrics.count(KlTracingOperator.METRIC_FAILED_REQUESTS)).isEqualTo(1);
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
    void failsTheTaskOnAnErrorRatherThanThePair() throws Exception {
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32));
        start(FAST.withModel(FakeProbeModels.crashingOnce(1)));

        harness.processElement(request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor), 0);

        assertThatThrownBy(() -> harness.endInput())
                .isInstanceOf(FakeProbeModels.SimulatedCrash.class);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(operator.queued()).as("the pair stays, to be tracked after the restart").isOne();
    }

    @Test
    void completesTimedOutRequestsInsteadOfFailing() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32));
        start(FAST.withModel(FakeProbeModels.blocking()));
        harness.setProcessingTime(0);

        harness.processElement(request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor), 0);
        FakeProbeModels.Blocking.awaitEntered(1);
        runPendingMail(); // the call started: its timeout runs from now
        harness.setProcessingTime(TIMEOUT.toMillis() + 1);
        runMailUntil(1);

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).outcome()).isEqualTo(TrackResponse.Outcome.TIMED_OUT);
        assertThat(out.get(0).failure()).isEqualTo("no result within 30000 ms");
        assertThat(out.get(0).modelId()).isEqualTo("blocking:1");
        assertThat(metrics.count(KlTracingOperator.METRIC_TIMED_OUT_REQUESTS)).isEqualTo(1);
    }

    @Test
    void startsTheTimeoutWhenTheModelCallStartsNotWhileItWaitsForAThread() throws Exception {
        FakeProbeModels.Blocking.reset();
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        TracingConfig oneThread =
                new TracingConfig(
                        FakeProbeModels.blocking(),
                        FAST.recipe(),
                        1,
                        2,
                        TIMEOUT,
                        "frames",
                        Duration.ZERO,
                        1);
        start(oneThread);
        harness.setProcessingTime(0);
        harness.processElement(
                request("a", rgb24("a", 2, RgbImage.blank(32, 32)), points, anchor("a")), 0);
        harness.processElement(
                request("b", rgb24("b", 2, RgbImage.blank(32, 32)), points, anchor("b")), 0);
        FakeProbeModels.Blocking.awaitEntered(1);
        runPendingMail();

        harness.setProcessingTime(TIMEOUT.toMillis() + 1); // a times out; its thread goes to b
        runMailUntil(1);
        FakeProbeModels.Blocking.awaitEntered(2);
        runPendingMail();
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(r -> assertThat(r.cameraId()).isEqualTo("a"))
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TrackResponse.Outcome.TIMED_OUT));

        FakeProbeModels.Blocking.release();
        harness.endInput();

        TrackResponse b = harness.extractOutputValues().get(1);
        assertThat(b.cameraId()).isEqualTo("b");
        assertThat(b.outcome())
                .as("b waited for the thread, not for the model")
                .isEqualTo(TrackResponse.Outcome.FAILED);
    }

    @Test
    void failsTheTaskOnAnErrorEvenAfterATimeout() throws Exception {
        FakeProbeModels.Blocking.reset();
        start(FAST.withModel(FakeProbeModels.blockingThenCrashing()));
        harness.setProcessingTime(0);
        harness.processElement(
                request(
                        rgb24(CAMERA, 2, RgbImage.blank(32, 32)),
                        List.of(new PointAnchor("p", 1, 5, 5)),
                        anchor(CAMERA)),
                0);
        FakeProbeModels.Blocking.awaitEntered(1);
        runPendingMail();
        harness.setProcessingTime(TIMEOUT.toMillis() + 1);
        runMailUntil(1);
        assertThat(harness.extractOutputValues().get(0).outcome())
                .isEqualTo(TrackResponse.Outcome.TIMED_OUT);

        FakeProbeModels.Blocking.release();

        assertThatThrownBy(() -> runMailUntil(2))
                .isInstanceOf(FakeProbeModels.SimulatedCrash.class);
    }

    @Test
    void holdsWatermarksBackUntilEarlierPairsAreOut() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame later = rgb24(CAMERA, 2, RgbImage.blank(32, 32)); // captured at T0 + 200 ms
        long capture = later.getCaptureTime().toEpochMilli();
        start(FAST.withModel(FakeProbeModels.blocking()));

        harness.processElement(
                request(later, List.of(new PointAnchor("p", 1, 5, 5)), anchor(CAMERA)), 0);
        harness.processWatermark(new Watermark(capture + 1000));

        assertThat(new ArrayList<>(harness.getOutput()))
                .as("only up to just before the waiting pair's capture")
                .containsExactly(new Watermark(capture - 1));
        FakeProbeModels.Blocking.release();
        harness.endInput();

        List<Object> out = new ArrayList<>(harness.getOutput());
        assertThat(out).hasSize(3);
        assertThat(out.get(1)).isInstanceOf(StreamRecord.class);
        assertThat(out.get(2)).isEqualTo(new Watermark(capture + 1000));
    }

    @Test
    void startsFromTheQueryAgainWhenTheCameraRestartsItsNumbering() throws Exception {
        SyntheticClip clip = clip(3);
        Frame f100 = png(CAMERA, 100, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 100);
        start(FAST);

        harness.processElement(request(png(CAMERA, 101, clip.frames().get(1)), queries, f100), 0);
        harness.processElement(request(png(CAMERA, 5, clip.frames().get(2)), queries, f100), 0);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out.get(0).points()).anyMatch(p -> p.nextAnchor().sequence() == 101);
        assertThat(out.get(1).points())
                .as("frame 101 is from before the restart")
                .extracting(PointResult::anchor)
                .containsExactlyElementsOf(queries);
        assertThat(out.get(1).points())
                .filteredOn(PointResult::visible)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.nextAnchor().sequence()).isEqualTo(5));
    }

    @Test
    void forgetsARemovedPointEvenWhenItsPairFails() throws Exception {
        SyntheticClip clip = clip(4);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0).subList(0, 1);
        String id = queries.get(0).pointId();
        Frame garbage = claimedPng(CAMERA, 2, 96, 96, "not a png".getBytes(StandardCharsets.UTF_8));
        start(FAST);

        harness.processElement(request(png(CAMERA, 1, clip.frames().get(1)), queries, f0), 0);
        harness.processElement(
                new TrackRequest(CAMERA, 1, garbage, 0, 0, List.of(), List.of(), List.of(id)), 0);
        harness.processElement(request(png(CAMERA, 3, clip.frames().get(3)), queries, f0), 0);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out.get(0).points().get(0).nextAnchor().sequence()).isEqualTo(1);
        assertThat(out.get(1).outcome()).isEqualTo(TrackResponse.Outcome.FAILED);
        assertThat(out.get(2).points().get(0).anchor()).isEqualTo(queries.get(0));
    }

    @Test
    void supersedesWaitingPairsInLiveModeAndNeverTracksOneThatWaitedPastTheLag() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        start(FAST.withModel(FakeProbeModels.blocking()).withLiveMaxLag(Duration.ofSeconds(5)));
        harness.setProcessingTime(0);

        // the first pair occupies the camera; many more arrive meanwhile, far past the
        // complete mode's backpressure bound, and each supersedes the one waiting before it
        for (long seq = 2; seq <= 40; seq++) {
            harness.processElement(
                    request(rgb24(CAMERA, seq, RgbImage.blank(32, 32)), points, anchor), 0);
        }
        assertThat(operator.queued()).as("the pair being tracked and the newest").isEqualTo(2);
        harness.setProcessingTime(6_000); // pair 40 has now waited 6 s
        FakeProbeModels.Blocking.release();
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(39);
        assertThat(out.subList(0, 37))
                .allSatisfy(
                        r -> {
                            assertThat(r.outcome()).isEqualTo(TrackResponse.Outcome.SKIPPED);
                            assertThat(r.failure())
                                    .isEqualTo(
                                            "live mode: a newer pair of the camera waits; skipped");
                            assertThat(r.deadLetter()).isNull();
                        });
        assertThat(out.subList(0, 37))
                .extracting(TrackResponse::toSequence)
                .isSorted()
                .containsOnly(
                        java.util.stream.LongStream.rangeClosed(3, 39)
                                .boxed()
                                .toArray(Long[]::new));
        assertThat(out.subList(37, 39))
                .extracting(TrackResponse::toSequence, TrackResponse::outcome)
                .containsExactly(
                        tuple(2L, TrackResponse.Outcome.FAILED), // the blocking model then throws
                        tuple(40L, TrackResponse.Outcome.SKIPPED)); // late
        assertThat(out.get(38).failure())
                .isEqualTo(
                        "live mode: the pair waited 6000 ms, more than the 5000 ms allowed;"
                                + " skipped");
        assertThat(metrics.count(KlTracingOperator.METRIC_SKIPPED_PAIRS)).isEqualTo(38);
    }

    @Test
    void skipsALateCamerasPairAndTracksAnotherCamerasFreshOne() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchorA = rgb24("a", 1, RgbImage.blank(32, 32));
        Frame anchorB = rgb24("b", 1, RgbImage.blank(32, 32));
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        start(
                FAST.withModel(FakeProbeModels.blocking())
                        .withCapacity(1)
                        .withLiveMaxLag(Duration.ofSeconds(5)));
        harness.setProcessingTime(0);
        harness.processElement(
                request("a", rgb24("a", 2, RgbImage.blank(32, 32)), points, anchorA), 0);
        harness.processElement(
                request("b", rgb24("b", 2, RgbImage.blank(32, 32)), points, anchorB), 0);
        harness.setProcessingTime(6_000); // b2 has waited 6 s behind a2
        harness.processElement(
                receivedAt(
                        6_000,
                        request("a", rgb24("a", 3, RgbImage.blank(32, 32)), points, anchorA)),
                0);
        FakeProbeModels.Blocking.release();
        harness.endInput();

        // a3 is fresh, so b's late pair gives way to it
        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(r -> r.cameraId() + r.toSequence(), TrackResponse::outcome)
                .containsExactly(
                        tuple("a2", TrackResponse.Outcome.FAILED),
                        tuple("b2", TrackResponse.Outcome.SKIPPED),
                        tuple("a3", TrackResponse.Outcome.FAILED));
        assertThat(out.get(1).failure())
                .isEqualTo(
                        "live mode: the pair waited 6000 ms, more than the 5000 ms allowed;"
                                + " skipped");
    }

    @Test
    void givesTheTurnToTheCameraThatHadNoneYet() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchorA = rgb24("a", 1, RgbImage.blank(32, 32));
        Frame anchorB = rgb24("b", 1, RgbImage.blank(32, 32));
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        start(
                FAST.withModel(FakeProbeModels.blocking())
                        .withCapacity(1)
                        .withLiveMaxLag(Duration.ofSeconds(5)));
        harness.setProcessingTime(0);
        harness.processElement(
                request("a", rgb24("a", 2, RgbImage.blank(32, 32)), points, anchorA), 0);
        harness.processElement(
                request("b", rgb24("b", 2, RgbImage.blank(32, 32)), points, anchorB), 0);
        harness.processElement(
                request("a", rgb24("a", 3, RgbImage.blank(32, 32)), points, anchorA), 0);
        FakeProbeModels.Blocking.release();
        harness.endInput();

        // a3 waited since before b2 became a's, but b has not had a turn yet
        assertThat(harness.extractOutputValues())
                .extracting(r -> r.cameraId() + r.toSequence(), TrackResponse::outcome)
                .containsExactly(
                        tuple("a2", TrackResponse.Outcome.FAILED),
                        tuple("b2", TrackResponse.Outcome.FAILED),
                        tuple("a3", TrackResponse.Outcome.FAILED));
        assertThat(metrics.count(KlTracingOperator.METRIC_SKIPPED_PAIRS)).isZero();
    }

    @Test
    void reanchorsAConfidentlySeenPointOnItsSighting() throws Exception {
        SyntheticClip clip = clip(3);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0);
        start(FAST);

        harness.processElement(request(png(CAMERA, 1, clip.frames().get(1)), queries, f0), 0);
        harness.processElement(request(png(CAMERA, 2, clip.frames().get(2)), queries, f0), 0);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        TrackResponse first = out.get(0);
        TrackResponse second = out.get(1);
        assertThat(first.points())
                .extracting(PointResult::anchor)
                .containsExactlyElementsOf(queries);
        for (int i = 0; i < queries.size(); i++) {
            PointResult r1 = first.points().get(i);
            PointResult r2 = second.points().get(i);
            if (r1.visible()) {
                PointAnchor sighting = queries.get(i).seenAt(1, r1.x(), r1.y());
                assertThat(r1.nextAnchor()).isEqualTo(sighting);
                assertThat(sighting.vx()).isEqualTo(r1.x() - queries.get(i).x());
                assertThat(r2.anchor()).as("tracked from its sighting").isEqualTo(sighting);
            } else {
                assertThat(r2.anchor())
                        .as("occluded: tried again from its query")
                        .isEqualTo(queries.get(i));
            }
        }
        assertThat(first.points()).anyMatch(PointResult::visible);
        assertThat(meanError(clip, second, 2)).as("mean error in px on frame 2").isLessThan(1.0);
        assertThat(operator.keptFrames(CAMERA)).as("frame 2 holds every sighting now").isEqualTo(1);
    }

    @Test
    void startsAPointSeenInThePreviousFrameFromItsMotionForFewerTokens() throws Exception {
        SyntheticClip clip = clip(4);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0);
        start(FAST.withRecipe(TracerConfig.efficient().withMasks(2).withMotionPriorRadius(8)));

        for (int t = 1; t <= 3; t++) {
            harness.processElement(request(png(CAMERA, t, clip.frames().get(t)), queries, f0), 0);
        }
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        // frame 1 from the queries (no motion known yet); frames 2 and 3 from the sightings on the
        // frame before, each with its motion since the previous anchor
        double first = meanPassEquivalents(out.get(0));
        double third = meanPassEquivalents(out.get(2));
        assertThat(third).isLessThan(first / 2);
        assertThat(meanError(clip, out.get(2), 3))
                .as("mean error in px on frame 3")
                .isLessThan(1.0);
    }

    private static double meanPassEquivalents(TrackResponse r) {
        return r.points().stream()
                .mapToDouble(PointResult::passEquivalents)
                .average()
                .orElseThrow();
    }

    @Test
    void keepsPointsOnTheirQueryFrameWhenReanchoringIsOff() throws Exception {
        SyntheticClip clip = clip(3);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0);
        start(FAST.withReanchorAfter(0));

        harness.processElement(request(png(CAMERA, 1, clip.frames().get(1)), queries, f0), 0);
        harness.processElement(request(png(CAMERA, 2, clip.frames().get(2)), queries, f0), 0);
        harness.endInput();

        for (TrackResponse r : harness.extractOutputValues()) {
            assertThat(r.points())
                    .extracting(PointResult::anchor)
                    .containsExactlyElementsOf(queries);
            assertThat(r.points())
                    .extracting(PointResult::nextAnchor)
                    .containsExactlyElementsOf(queries);
        }
        assertThat(operator.keptFrames(CAMERA)).isZero();
    }

    @Test
    void startsAReplacedPointAgainFromItsNewQuery() throws Exception {
        SyntheticClip clip = clip(3);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        Frame f1 = png(CAMERA, 1, clip.frames().get(1));
        List<PointAnchor> queries = queries(clip, 0).subList(0, 1);
        PointAnchor replaced = new PointAnchor(queries.get(0).pointId(), 1, 20, 20);
        start(FAST);

        harness.processElement(request(f1, queries, f0), 0);
        harness.processElement(
                request(png(CAMERA, 2, clip.frames().get(2)), List.of(replaced), f1), 0);
        harness.endInput();

        TrackResponse second = harness.extractOutputValues().get(1);
        assertThat(second.points().get(0).anchor()).isEqualTo(replaced);
    }

    @Test
    void startsAPointRemovedAndAddedAgainFromItsQuery() throws Exception {
        SyntheticClip clip = clip(3);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0).subList(0, 1);
        start(FAST);

        harness.processElement(request(png(CAMERA, 1, clip.frames().get(1)), queries, f0), 0);
        harness.processElement(
                new TrackRequest(
                        CAMERA,
                        1,
                        png(CAMERA, 2, clip.frames().get(2)),
                        0,
                        0,
                        queries,
                        List.of(f0),
                        List.of(queries.get(0).pointId())),
                0);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out.get(0).points().get(0).nextAnchor().sequence()).isEqualTo(1);
        assertThat(out.get(1).points().get(0).anchor()).isEqualTo(queries.get(0));
    }

    @Test
    void tracksOnePairOfACameraAtATimeAndCamerasSideBySide() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchorA = rgb24("a", 1, RgbImage.blank(32, 32));
        Frame anchorB = rgb24("b", 1, RgbImage.blank(32, 32));
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        start(FAST.withModel(FakeProbeModels.blocking()));

        harness.processElement(
                request("a", rgb24("a", 2, RgbImage.blank(32, 32)), points, anchorA), 0);
        harness.processElement(
                request("a", rgb24("a", 3, RgbImage.blank(32, 32)), points, anchorA), 0);
        harness.processElement(
                request("b", rgb24("b", 2, RgbImage.blank(32, 32)), points, anchorB), 0);

        FakeProbeModels.Blocking.awaitEntered(2);
        Thread.sleep(200);
        assertThat(FakeProbeModels.Blocking.entered()).as("a:3 waits for a:2").isEqualTo(2);
        assertThat(operator.queued()).isEqualTo(3);
        FakeProbeModels.Blocking.release();
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        assertThat(out.stream().filter(r -> r.cameraId().equals("a")))
                .extracting(TrackResponse::toSequence)
                .containsExactly(2L, 3L);
        assertThat(FakeProbeModels.Blocking.entered()).isEqualTo(3);
    }

    @Test
    void backpressuresTheInputWhenTooManyRequestsWait() throws Exception {
        FakeProbeModels.Blocking.reset();
        Frame anchor = rgb24(CAMERA, 1, RgbImage.blank(32, 32));
        List<PointAnchor> points = List.of(new PointAnchor("p", 1, 5, 5));
        start(FAST.withModel(FakeProbeModels.blocking()).withCapacity(1));
        int bound = KlTracingOperator.QUEUED_PER_SLOT;
        for (long seq = 2; seq < 2 + bound; seq++) {
            harness.processElement(
                    request(rgb24(CAMERA, seq, RgbImage.blank(32, 32)), points, anchor), 0);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
        Thread releaser =
                new Thread(
                        () -> {
                            sleep(300);
                            FakeProbeModels.Blocking.release();
                        });
        releaser.start();

        // one request too many: processElement runs the task's mail until a result is out
        harness.processElement(
                request(rgb24(CAMERA, 2 + bound, RgbImage.blank(32, 32)), points, anchor), 0);

        assertThat(harness.extractOutputValues()).as("waited for a result").isNotEmpty();
        assertThat(operator.queued()).isLessThanOrEqualTo(bound);
        releaser.join();
        harness.endInput();

        assertThat(harness.extractOutputValues())
                .extracting(TrackResponse::toSequence)
                .containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void tracksRequestsRestoredFromASnapshot() throws Exception {
        FakeProbeModels.Blocking.reset();
        SyntheticClip clip = clip(3);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        List<PointAnchor> queries = queries(clip, 0);
        start(FAST.withModel(FakeProbeModels.blocking()));
        harness.processElement(request(png(CAMERA, 1, clip.frames().get(1)), queries, f0), 0);
        harness.processElement(request(png(CAMERA, 2, clip.frames().get(2)), queries, f0), 0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        FakeProbeModels.Blocking.release();
        harness.close();
        environment.close();

        start(FAST, snapshot);
        harness.endInput();

        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).extracting(TrackResponse::toSequence).containsExactly(1L, 2L);
        assertThat(out)
                .extracting(TrackResponse::outcome)
                .containsOnly(TrackResponse.Outcome.TRACKED);
        assertThat(meanError(clip, out.get(1), 2)).isLessThan(1.0);
    }

    @Test
    void forgetsTheAnchorsOfACameraThatWentIdle() throws Exception {
        SyntheticClip clip = clip(2);
        Frame f0 = png(CAMERA, 0, clip.frames().get(0));
        start(FAST);
        harness.setProcessingTime(0);
        harness.processElement(
                request(png(CAMERA, 1, clip.frames().get(1)), queries(clip, 0), f0), 0);
        harness.endInput();
        assertThat(operator.keptFrames(CAMERA)).isEqualTo(1);

        harness.setProcessingTime(IDLE.toMillis() + 1);

        assertThat(operator.keptFrames(CAMERA)).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(TracingConfig config) throws Exception {
        start(config, null);
    }

    private void start(TracingConfig config, OperatorSubtaskState restored) throws Exception {
        environment = new MockEnvironmentBuilder().setMetricGroup(metrics).build();
        operator = new KlTracingOperator(config, IDLE);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, TrackRequest::cameraId, Types.STRING, environment);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    private TrackResponse track(TrackRequest request) throws Exception {
        harness.processElement(request, 0);
        harness.endInput();
        List<TrackResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static Frame anchor(String camera) {
        return rgb24(camera, 1, RgbImage.blank(32, 32));
    }

    /** Runs the mail that is there now. */
    private void runPendingMail() throws Exception {
        TaskMailbox mailbox = harness.getTaskMailbox();
        Optional<Mail> mail;
        while ((mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
            mail.get().run();
        }
    }

    /** Runs the task's mail (results, timers) until {@code n} responses are out. */
    private void runMailUntil(int n) throws Exception {
        TaskMailbox mailbox = harness.getTaskMailbox();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (harness.extractOutputValues().size() < n) {
            Optional<Mail> mail = mailbox.tryTake(TaskMailbox.MIN_PRIORITY);
            if (mail.isPresent()) {
                mail.get().run();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + n + " responses in time");
            } else {
                Thread.sleep(5);
            }
        }
    }

    private static SyntheticClip clip(int frames) {
        return SyntheticClip.generate(
                SceneSpec.builder()
                        .size(96, 96)
                        .frames(frames)
                        .layers(2)
                        .maxSpeed(3)
                        .queries(8)
                        .seed(7)
                        .build());
    }

    private static List<PointAnchor> queries(SyntheticClip clip, long sequence) {
        return clip.queries().stream()
                .map(q -> new PointAnchor("q" + q.id(), sequence, q.x(), q.y()))
                .toList();
    }

    /** Mean distance to the truth on clip frame {@code t} over points visible there. */
    private static double meanError(SyntheticClip clip, TrackResponse response, int t) {
        Map<String, TrackPoint> truth =
                clip.groundTruth().stream()
                        .filter(p -> p.t() == t)
                        .collect(Collectors.toMap(p -> "q" + p.id(), Function.identity()));
        List<Double> errors = new ArrayList<>();
        for (PointResult r : response.points()) {
            TrackPoint p = truth.get(r.pointId());
            if (p.visible()) {
                errors.add(Math.hypot(r.x() - p.x(), r.y() - p.y()));
            }
        }
        assertThat(errors).isNotEmpty();
        return errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static TrackRequest request(Frame later, List<PointAnchor> points, Frame... anchors) {
        return request(CAMERA, later, points, anchors);
    }

    private static TrackRequest request(
            String camera, Frame later, List<PointAnchor> points, Frame... anchors) {
        return new TrackRequest(
                camera, later.getSequence() - 1, later, 0, 0, points, List.of(anchors), List.of());
    }

    private static TrackRequest receivedAt(long millis, TrackRequest r) {
        return new TrackRequest(
                r.cameraId(),
                r.fromSequence(),
                r.later(),
                r.missingFrames(),
                millis,
                r.points(),
                r.anchorFrames(),
                r.removedPointIds());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
