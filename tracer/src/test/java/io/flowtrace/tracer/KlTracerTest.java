package io.flowtrace.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.RgbImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KlTracerTest {

    private static final TracerConfig FAST = TracerConfig.defaults().withMasks(2);

    @Test
    void followsTheMarkerThroughSquishAndEveryZoom() {
        RgbImage f1 = MarkerModel.frameWithMarker(640, 480, 200, 150);
        RgbImage f2 = MarkerModel.frameWithMarker(640, 480, 263, 121);
        KlTracer tracer = new KlTracer(new MarkerModel(1f), FAST);

        PointEstimate e = tracer.track(f1, f2, List.of(new Point(200, 150))).get(0);

        assertThat(e.steps()).hasSize(5);
        assertThat(e.position().x()).isCloseTo(263, within(0.75));
        assertThat(e.position().y()).isCloseTo(121, within(0.75));
        // every scale already finds the marker within a map cell of that scale
        for (ScaleStep s : e.steps()) {
            double cellPx = s.cropSide() / 64 * 1.5;
            assertThat(s.estimate().x()).as("scale %d", s.scale()).isCloseTo(263, within(cellPx));
            assertThat(s.estimate().y()).as("scale %d", s.scale()).isCloseTo(121, within(cellPx));
        }
    }

    @Test
    void windowedQueriesAskForLessAndFindTheSamePositions() {
        RgbImage f1 = MarkerModel.frameWithMarker(640, 480, 200, 150);
        RgbImage f2 = MarkerModel.frameWithMarker(640, 480, 263, 121);
        List<Point> queries = List.of(new Point(200, 150), new Point(400, 300));
        MarkerModel model = new MarkerModel(1f);

        List<PointEstimate> full = new KlTracer(model, FAST).track(f1, f2, queries);
        int fullRequests = model.requests.size();
        List<PointEstimate> windowed =
                new KlTracer(model, FAST.withWindowedQueries(true)).track(f1, f2, queries);

        for (int i = 0; i < queries.size(); i++) {
            assertThat(windowed.get(i).position()).isEqualTo(full.get(i).position());
            assertThat(windowed.get(i).visible()).isEqualTo(full.get(i).visible());
            assertThat(windowed.get(i).passEquivalents())
                    .isLessThan(full.get(i).passEquivalents() * 0.95);
        }
        // scale 0 queries everything, each zoom only a window around the previous estimate
        assertThat(model.requests.get(fullRequests).pairs().get(0).window().coversCrop()).isTrue();
        for (var r : model.requests.subList(fullRequests + 1, model.requests.size())) {
            for (var pair : r.pairs()) {
                assertThat(pair.window().coversCrop()).isFalse();
                assertThat(pair.window().x1() - pair.window().x0()).isLessThan(128);
            }
        }
    }

    @Test
    void chargesEachPointItsShareOfScaleZeroAndItsOwnZooms() {
        RgbImage f1 = MarkerModel.frameWithMarker(320, 240, 100, 100);
        RgbImage f2 = MarkerModel.frameWithMarker(320, 240, 104, 102);
        MarkerModel model = new MarkerModel(1f);
        TracerConfig config = FAST.withZoomIterations(2).withBatchPairs(1);
        List<Point> queries = List.of(new Point(50, 60), new Point(99, 99));

        List<PointEstimate> out = new KlTracer(model, config).track(f1, f2, queries);

        // requests: scale 0 (both points), then per zoom one pair per point, in query order
        var shared = model.requests.get(0).pairs().get(0);
        double scale0 = io.flowtrace.inference.ProbeCost.tokens(shared, config.probe()) / 2.0;
        for (int i = 0; i < 2; i++) {
            double own = scale0;
            for (int zoom = 0; zoom < 2; zoom++) {
                var pair = model.requests.get(1 + 2 * zoom + i).pairs().get(0);
                own += io.flowtrace.inference.ProbeCost.tokens(pair, config.probe());
            }
            assertThat(out.get(i).passEquivalents())
                    .isCloseTo(own / io.flowtrace.inference.ProbeCost.PASS_TOKENS, within(1e-9));
        }
        // plain sequences, 64x64 maps, 2 masks: 2 x (1 + 1/2) x 4.84 at scale 0, 2 x 2 x 4.84 a
        // zoom
        assertThat(out.get(0).passEquivalents()).isCloseTo(14.53 + 2 * 19.38, within(0.05));
    }

    @Test
    void aPointWithAPriorStartsAtAFineZoomAroundIt() {
        RgbImage f1 = MarkerModel.frameWithMarker(640, 480, 200, 150);
        RgbImage f2 = MarkerModel.frameWithMarker(640, 480, 263, 121);
        MarkerModel model = new MarkerModel(1f);
        TracerConfig config = TracerConfig.efficient().withMasks(2).withMotionPriorRadius(12);
        List<Point> queries = List.of(new Point(200, 150));

        PointEstimate plain = new KlTracer(model, config).track(f1, f2, queries).get(0);
        int before = model.requests.size();
        PointEstimate primed =
                new KlTracer(model, config)
                        .track(f1, f2, queries, List.of(new Point(258, 125)), steps -> {})
                        .get(0);

        // sides 480, 360, 270, 202.5: 202.5 >= 4 x 12, so only the last zoom runs
        assertThat(model.requests.size() - before).isEqualTo(1);
        assertThat(primed.steps()).hasSize(1);
        assertThat(primed.steps().get(0).scale()).isEqualTo(4);
        assertThat(primed.position().x()).isCloseTo(263, within(0.75));
        assertThat(primed.position().y()).isCloseTo(121, within(0.75));
        assertThat(primed.visible()).isTrue();
        assertThat(primed.passes()).isEqualTo(2 * 2);
        assertThat(primed.passEquivalents()).isLessThan(plain.passEquivalents() / 3);
    }

    @Test
    void aPointLostFromItsPriorIsReacquiredFromTheFullFrameAndPaysForBoth() {
        RgbImage f1 = MarkerModel.frameWithMarker(640, 480, 200, 150);
        RgbImage f2 = MarkerModel.frameWithMarker(640, 480, 263, 121);
        TracerConfig config = TracerConfig.efficient().withMasks(2).withMotionPriorRadius(12);
        List<Point> queries = List.of(new Point(200, 150));
        PointEstimate plain =
                new KlTracer(new MarkerModel(1f), config).track(f1, f2, queries).get(0);

        PointEstimate e =
                new KlTracer(new MarkerModel(1f), config)
                        .track(f1, f2, queries, List.of(new Point(500, 400)), steps -> {})
                        .get(0);

        assertThat(e.position().x()).isCloseTo(263, within(0.75));
        assertThat(e.position().y()).isCloseTo(121, within(0.75));
        assertThat(e.steps()).hasSize(5);
        assertThat(e.passEquivalents()).isGreaterThan(plain.passEquivalents());
        assertThat(e.passes()).isEqualTo(plain.passes() + 2 * 2);
    }

    @Test
    void priorsAreIgnoredWithoutAPriorRadius() {
        RgbImage f1 = MarkerModel.frameWithMarker(320, 240, 100, 100);
        RgbImage f2 = MarkerModel.frameWithMarker(320, 240, 104, 102);
        MarkerModel model = new MarkerModel(1f);

        PointEstimate e =
                new KlTracer(model, FAST)
                        .track(
                                f1,
                                f2,
                                List.of(new Point(100, 100)),
                                List.of(new Point(0, 0)),
                                s -> {})
                        .get(0);

        assertThat(e.steps()).hasSize(5);
        assertThat(e.position().x()).isCloseTo(104, within(0.75));
        assertThatThrownBy(
                        () ->
                                new KlTracer(model, FAST)
                                        .track(
                                                f1,
                                                f2,
                                                List.of(new Point(1, 1)),
                                                List.of(),
                                                s -> {}))
                .hasMessageContaining("1 queries but 0 priors");
    }

    @Test
    void zoomCropsClampedAtTheBorderMapBackExactly() {
        RgbImage f1 = MarkerModel.frameWithMarker(500, 300, 10, 290);
        RgbImage f2 = MarkerModel.frameWithMarker(500, 300, 3, 296);
        KlTracer tracer = new KlTracer(new MarkerModel(1f), FAST);

        Point p = tracer.track(f1, f2, List.of(new Point(10, 290))).get(0).position();

        assertThat(p.x()).isCloseTo(3, within(0.75));
        assertThat(p.y()).isCloseTo(296, within(0.75));
    }

    @Test
    void sharesOneFullFrameRequestAndBatchesZoomsByPair() {
        RgbImage f1 = MarkerModel.frameWithMarker(320, 240, 100, 100);
        RgbImage f2 = MarkerModel.frameWithMarker(320, 240, 104, 102);
        MarkerModel model = new MarkerModel(1f);
        TracerConfig config = FAST.withZoomIterations(2).withBatchPairs(2);
        List<Point> queries = List.of(new Point(10, 10), new Point(50, 60), new Point(99, 99));

        new KlTracer(model, config).track(f1, f2, queries);

        // scale 0: one pair carrying all three points; each zoom: 3 pairs in batches of 2
        assertThat(model.requests).hasSize(1 + 2 * 2);
        assertThat(model.requests.get(0).pairs()).hasSize(1);
        assertThat(model.requests.get(0).pairs().get(0).pointCount()).isEqualTo(3);
        assertThat(model.requests.get(0).pairs().get(0).seeds()).containsExactly(1110, 1111);
    }

    @Test
    void reportsProgressPerPointAndScale() {
        RgbImage f = MarkerModel.frameWithMarker(256, 256, 50, 50);
        AtomicInteger steps = new AtomicInteger();

        new KlTracer(new MarkerModel(1f), FAST.withZoomIterations(3))
                .track(f, f, List.of(new Point(1, 1), new Point(2, 2)), steps::addAndGet);

        assertThat(steps.get()).isEqualTo(2 * 4);
    }

    @Test
    void pointIsOccludedWhenTheFinalPeakIsBelowTheThreshold() {
        RgbImage f = MarkerModel.frameWithMarker(256, 256, 128, 128);
        List<Point> q = List.of(new Point(128, 128));
        // the marker's peak cell holds 9 red pixels at most: peak <= 9 * scale
        PointEstimate weak =
                new KlTracer(new MarkerModel(0.01f), FAST.withOcclusionThreshold(0.5))
                        .track(f, f, q)
                        .get(0);
        PointEstimate strong =
                new KlTracer(new MarkerModel(1f), FAST.withOcclusionThreshold(0.5))
                        .track(f, f, q)
                        .get(0);

        assertThat(weak.visible()).isFalse();
        assertThat(weak.peak()).isLessThan(0.5);
        assertThat(strong.visible()).isTrue();
        assertThat(strong.peak()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void countsPassesPerPoint() {
        assertThat(TracerConfig.paper().passesPerPoint()).isEqualTo(50);
        assertThat(TracerConfig.paper().withCycleTolerance(4).passesPerPoint()).isEqualTo(60);
    }

    @Test
    void cycleCheckKeepsAPointThatTracksBackToItsQuery() {
        RgbImage f1 = MarkerModel.frameWithMarker(320, 240, 100, 100);
        RgbImage f2 = MarkerModel.frameWithMarker(320, 240, 90, 95);
        TracerConfig config = FAST.withCycleTolerance(4).withOcclusionThreshold(0);

        PointEstimate e =
                new KlTracer(new MarkerModel(1f), config)
                        .track(f1, f2, List.of(new Point(100, 100)))
                        .get(0);

        assertThat(e.visible()).isTrue();
        assertThat(e.cycleError()).isLessThan(4);
    }

    @Test
    void cycleCheckMarksAPointOccludedWhenTrackingBackLandsElsewhere() {
        // the marker the query "finds" in frame 2 came from 20 px to the right of the query
        RgbImage f1 = MarkerModel.frameWithMarker(320, 240, 120, 100);
        RgbImage f2 = MarkerModel.frameWithMarker(320, 240, 90, 95);
        TracerConfig config = FAST.withCycleTolerance(4).withOcclusionThreshold(0);

        PointEstimate e =
                new KlTracer(new MarkerModel(1f), config)
                        .track(f1, f2, List.of(new Point(100, 100)))
                        .get(0);

        assertThat(e.visible()).isFalse();
        assertThat(e.cycleError()).isGreaterThan(4);
    }

    @Test
    void withoutCycleCheckTheCycleErrorIsNotANumber() {
        RgbImage f = MarkerModel.frameWithMarker(256, 256, 100, 100);

        PointEstimate e =
                new KlTracer(new MarkerModel(1f), FAST.withCycleTolerance(0))
                        .track(f, f, List.of(new Point(100, 100)))
                        .get(0);

        assertThat(e.cycleError()).isNaN();
    }

    @Test
    void rejectsFramesOfDifferentSizes() {
        KlTracer tracer = new KlTracer(new MarkerModel(1f), FAST);

        assertThatThrownBy(
                        () ->
                                tracer.track(
                                        RgbImage.blank(64, 64),
                                        RgbImage.blank(64, 65),
                                        List.of(new Point(1, 1))))
                .hasMessageContaining("differ in size");
    }
}
