package io.flowtrace.cli.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaselineTrackersTest {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;

    private static final ShiftedTexture TEXTURE = new ShiftedTexture(5);
    private static final RgbImage FIRST = TEXTURE.frame(WIDTH, HEIGHT, 0, 0);

    static PairTracker tracker(String name) {
        return switch (name) {
            case "dis" -> BaselineTrackers.dense(DenseFlow.dis());
            case "farneback" -> BaselineTrackers.dense(DenseFlow.farneback());
            default -> BaselineTrackers.lucasKanade();
        };
    }

    /** Sub-pixel query points at least 16 px from the border, beyond LK's half window. */
    private static List<Point> interiorGrid() {
        List<Point> points = new ArrayList<>();
        for (int y = 16; y <= HEIGHT - 20; y += 8) {
            for (int x = 16; x <= WIDTH - 20; x += 8) {
                points.add(new Point(x + 0.25, y + 0.5));
            }
        }
        return points;
    }

    /**
     * Tolerances are about twice the largest error measured at such points over 20 textures (DIS
     * 0.09 px, Farneback 0.26 px, LK 0.04 px).
     */
    @ParameterizedTest
    @CsvSource({"dis, 0.2", "farneback, 0.5", "lk, 0.1"})
    void recoversAKnownSubPixelTranslationAsVisible(String name, double tolerance) {
        RgbImage shifted = TEXTURE.frame(WIDTH, HEIGHT, 3.5, -2);
        List<Point> queries = interiorGrid();

        List<PointEstimate> estimates;
        try (PairTracker tracker = tracker(name)) {
            estimates = tracker.track(FIRST, shifted, queries, steps -> {});
        }

        assertThat(estimates).hasSameSizeAs(queries).allMatch(PointEstimate::visible);
        for (int i = 0; i < queries.size(); i++) {
            Point q = queries.get(i);
            Point p = estimates.get(i).position();
            assertThat(Math.hypot(p.x() - q.x() - 3.5, p.y() - q.y() + 2))
                    .as("error at %s", q)
                    .isLessThan(tolerance);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void marksPointsThatLeaveTheFrameOccludedAndKeepsOthersVisible(String name) {
        // 5 px to the right: the last four columns leave the 160 px wide frame.
        RgbImage shifted = TEXTURE.frame(WIDTH, HEIGHT, 5, 0);
        List<Point> leaving = List.of(new Point(156, 30), new Point(158, 60), new Point(159, 90));
        List<Point> staying = List.of(new Point(40.5, 30), new Point(80, 60.5), new Point(120, 90));
        List<Point> queries = new ArrayList<>(leaving);
        queries.addAll(staying);

        List<PointEstimate> estimates;
        try (PairTracker tracker = tracker(name)) {
            estimates = tracker.track(FIRST, shifted, queries, steps -> {});
        }

        assertThat(estimates.subList(0, 3)).noneMatch(PointEstimate::visible);
        assertThat(estimates.subList(3, 6)).allMatch(PointEstimate::visible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void reportsOneStepPerPoint(String name) {
        AtomicInteger steps = new AtomicInteger();
        try (PairTracker tracker = tracker(name)) {
            tracker.track(FIRST, FIRST, interiorGrid(), steps::addAndGet);

            assertThat(tracker.stepsPerPoint()).isEqualTo(1);
        }

        assertThat(steps).hasValue(interiorGrid().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void tracksNoPointsToNoEstimates(String name) {
        try (PairTracker tracker = tracker(name)) {
            assertThat(tracker.track(FIRST, FIRST, List.of(), steps -> {})).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dis", "farneback", "lk"})
    void rejectsFramesOfDifferentSizes(String name) {
        RgbImage wider = TEXTURE.frame(WIDTH + 8, HEIGHT, 0, 0);

        try (PairTracker tracker = tracker(name)) {
            assertThatThrownBy(() -> tracker.track(FIRST, wider, List.of(new Point(5, 5)), s -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("frames differ in size: 160x120 and 168x120");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "dis, DIS, medium preset",
        "farneback, Farneback, winsize 15",
        "lk, Lucas-Kanade, window 21x21",
    })
    void describesTheMethodItsParametersAndTheCheck(String name, String method, String setting) {
        try (PairTracker tracker = tracker(name)) {
            assertThat(tracker.describe())
                    .contains(method, setting, "forward-backward round trip is within 2.0 px");
        }
    }
}
