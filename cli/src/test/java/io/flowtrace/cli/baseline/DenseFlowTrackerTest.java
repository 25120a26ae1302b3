package io.flowtrace.cli.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DenseFlowTrackerTest {

    private static final RgbImage A = RgbImage.blank(40, 30);
    private static final RgbImage B = RgbImage.blank(40, 30);
    private static final List<Point> POINTS =
            IntStream.range(0, 50).mapToObj(i -> new Point(5 + i * 0.5, 10)).toList();

    private static List<PointEstimate> track(RecordingDenseFlow flow, List<Point> points) {
        DenseFlowTracker tracker = new DenseFlowTracker(flow, ForwardBackwardCheck.DEFAULT);
        return tracker.track(A, B, points, steps -> {});
    }

    @Test
    void computesEachFlowFieldOncePerFramePair() {
        RecordingDenseFlow flow =
                new RecordingDenseFlow(A, new double[] {3, -1}, new double[] {-3, 1});

        track(flow, POINTS);

        assertThat(flow.calls).containsExactly("A->B", "B->A");
    }

    @Test
    void consistentFlowsMoveEveryPointAndKeepItVisible() {
        RecordingDenseFlow flow =
                new RecordingDenseFlow(A, new double[] {3, -1}, new double[] {-3, 1});

        List<PointEstimate> estimates = track(flow, POINTS);

        for (int i = 0; i < POINTS.size(); i++) {
            assertThat(estimates.get(i).position().x()).isEqualTo(POINTS.get(i).x() + 3);
            assertThat(estimates.get(i).position().y()).isEqualTo(9);
            assertThat(estimates.get(i).visible()).isTrue();
            assertThat(estimates.get(i).cycleError()).isZero();
        }
    }

    @Test
    void backwardFlowThatMissesTheQueryMarksPointsOccluded() {
        RecordingDenseFlow flow =
                new RecordingDenseFlow(A, new double[] {3, -1}, new double[] {0, 0});

        assertThat(track(flow, POINTS))
                .allSatisfy(e -> assertThat(e.visible()).isFalse())
                .allSatisfy(
                        e -> assertThat(e.cycleError()).isCloseTo(Math.hypot(3, 1), within(1e-6)));
    }

    @Test
    void pointWhereTheFlowIsUnknownStaysPutAsOccluded() {
        RecordingDenseFlow flow =
                new RecordingDenseFlow(A, new double[] {3, -1}, new double[] {-3, 1}).unknownAt(7);

        List<PointEstimate> estimates =
                track(flow, List.of(new Point(7, 10), new Point(6.5, 10), new Point(20, 10)));

        assertThat(estimates.get(0).position()).isEqualTo(new Point(7, 10));
        assertThat(estimates.get(0).visible()).isFalse();
        assertThat(estimates.get(1).visible()).as("between columns 6 and 7").isFalse();
        assertThat(estimates.get(2).visible()).isTrue();
    }

    @Test
    void interpolatesBilinearlyBetweenPixelCentres() {
        // u = x + 10y, v = -y: linear, so bilinear interpolation is exact.
        int w = 8;
        int h = 6;
        float[] u = new float[w * h];
        float[] v = new float[w * h];
        for (int i = 0; i < u.length; i++) {
            u[i] = i % w + 10 * (i / w);
            v[i] = -(i / w);
        }
        FlowField flow = new FlowField(w, h, u, v);

        Point moved = DenseFlowTracker.advect(flow, new Point(2.25, 3.5));

        assertThat(moved.x()).isCloseTo(2.25 + 2.25 + 35, within(1e-9));
        assertThat(moved.y()).isCloseTo(3.5 - 3.5, within(1e-9));
    }

    @Test
    void readsTheBorderPixelsFlowHalfAPixelOutside() {
        FlowField flow = new FlowField(2, 1, new float[] {1, 5}, new float[] {0, 0});

        assertThat(DenseFlowTracker.advect(flow, new Point(-0.5, 0)).x()).isEqualTo(0.5);
        assertThat(DenseFlowTracker.advect(flow, new Point(1.5, 0)).x()).isEqualTo(6.5);
    }
}
