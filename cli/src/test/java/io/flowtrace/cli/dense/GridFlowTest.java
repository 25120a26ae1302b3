package io.flowtrace.cli.dense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class GridFlowTest {

    /** Moves every point by (2, -1); points left of x = 10 are called occluded. */
    private static final class ShiftingTracker implements PairTracker {
        @Override
        public List<PointEstimate> track(
                RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
            progress.accept(points.size());
            return points.stream()
                    .map(
                            p ->
                                    new PointEstimate(
                                            new Point(p.x() + 2, p.y() - 1),
                                            p.x() >= 10,
                                            1.0,
                                            0,
                                            0,
                                            List.of(),
                                            Double.NaN))
                    .toList();
        }

        @Override
        public String describe() {
            return "shift";
        }

        @Override
        public int stepsPerPoint() {
            return 1;
        }

        @Override
        public void close() {}
    }

    @Test
    void gridPointsSitAtTheCentresOfTheirBlocksIncludingClippedEdgeBlocks() {
        List<Point> points = GridFlow.grid(20, 8, 8);

        // columns at x 0-7, 8-15, 16-19; rows at y 0-7
        assertThat(points).containsExactly(new Point(3, 3), new Point(11, 3), new Point(17, 3));
    }

    @Test
    void fillsEachVisiblePointsBlockWithItsMotionAndLeavesOccludedBlocksUnknown() {
        RgbImage frame = RgbImage.blank(20, 8);

        GridFlow g = GridFlow.track(new ShiftingTracker(), frame, frame, 8, steps -> {});

        FlowField f = g.field();
        assertThat(f.known(0, 0)).as("block of the occluded point at x = 3").isFalse();
        assertThat(f.known(7, 7)).isFalse();
        assertThat(f.u(8, 0)).isEqualTo(2f);
        assertThat(f.v(15, 7)).isEqualTo(-1f);
        assertThat(f.u(19, 7)).isEqualTo(2f);
    }

    @Test
    void endPointErrorCountsEveryPointWithKnownTruthOccludedOnesIncluded() {
        RgbImage frame = RgbImage.blank(20, 8);
        GridFlow g = GridFlow.track(new ShiftingTracker(), frame, frame, 8, steps -> {});
        float[] u = new float[160];
        float[] v = new float[160];
        java.util.Arrays.fill(u, 2f);
        java.util.Arrays.fill(v, 3f);
        FlowField truth = new FlowField(20, 8, u, v);

        // every point moves (2, -1) against a true (2, 3): each misses by 4
        assertThat(g.endPointError(truth)).isCloseTo(4.0, within(1e-9));
        assertThat(g.occludedFraction()).isCloseTo(1.0 / 3, within(1e-9));
        u[3 * 20 + 11] = Float.NaN;
        v[3 * 20 + 11] = Float.NaN;
        u[3 * 20 + 3] = -2f;
        // (11, 3) now unknown; (3, 3) misses by hypot(4, 4)
        assertThat(g.endPointError(truth)).isCloseTo((Math.hypot(4, 4) + 4) / 2, within(1e-9));
    }

    @Test
    void rejectsANonPositiveStep() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GridFlow.grid(10, 10, 0))
                .hasMessageContaining("grid step");
    }
}
