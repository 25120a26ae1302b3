package io.flowtrace.tracer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.RevealMask;
import io.flowtrace.tracer.ReadoutPosition;
import org.junit.jupiter.api.Test;

class MapReadoutTest {

    private static float[] mapWithPeak(int g, int row, int col, float value) {
        float[] m = new float[g * g];
        m[row * g + col] = value;
        return m;
    }

    @Test
    void argMaxFindsTheLargestCellAndTheFirstOnTies() {
        float[] m = mapWithPeak(32, 5, 7, 3f);
        m[20 * 32 + 1] = 3f;

        assertThat(MapReadout.argMax(m)).isEqualTo(5 * 32 + 7);
    }

    @Test
    void topLeftAndCentreReadoutsOfACoarseMap() {
        float[] m = mapWithPeak(32, 5, 7, 1f);

        assertThat(MapReadout.position(m, ReadoutPosition.TOP_LEFT)).containsExactly(56, 40);
        assertThat(MapReadout.position(m, ReadoutPosition.CENTER)).containsExactly(59.5, 43.5);
    }

    @Test
    void centroidOfASymmetricPeakIsTheCellCentre() {
        float[] m = mapWithPeak(64, 10, 20, 4f);
        m[10 * 64 + 19] = 1f;
        m[10 * 64 + 21] = 1f;

        assertThat(MapReadout.position(m, ReadoutPosition.CENTROID))
                .containsExactly(20 * 4 + 1.5, 10 * 4 + 1.5);
    }

    @Test
    void centroidMovesTowardsTheHeavierNeighbour() {
        float[] m = mapWithPeak(64, 10, 20, 4f);
        m[10 * 64 + 21] = 4f;
        m[11 * 64 + 20] = 0f;

        double[] p = MapReadout.position(m, ReadoutPosition.CENTROID);

        assertThat(p[0]).isCloseTo(20.5 * 4 + 1.5, within(1e-9));
        assertThat(p[1]).isCloseTo(10 * 4 + 1.5, within(1e-9));
    }

    @Test
    void argMaxWithinIgnoresStrongerPeaksOutsideTheRadius() {
        float[] m = mapWithPeak(64, 10, 10, 1f);
        m[50 * 64 + 50] = 9f;

        assertThat(MapReadout.argMax(m)).isEqualTo(50 * 64 + 50);
        // cell (10, 10) has its centre at 41.5, 41.5
        assertThat(MapReadout.argMaxWithin(m, 40, 40, 6)).isEqualTo(10 * 64 + 10);
        assertThat(MapReadout.argMaxWithin(m, 40, 40, 1000)).isEqualTo(50 * 64 + 50);
    }

    @Test
    void meanOverSeedsAveragesEveryMap() {
        int g = 32;
        float[] values = new float[2 * 2 * g * g];
        values[0] = 2f; // point 0, seed 0, cell 0
        values[g * g] = 4f; // point 0, seed 1, cell 0
        values[2 * g * g + 5] = 6f; // point 1, seed 0, cell 5

        ProbeMaps maps = new ProbeMaps(2, 2, g, values, 0);

        assertThat(MapReadout.meanOverSeeds(maps, 0)[0]).isEqualTo(3f);
        assertThat(MapReadout.meanOverSeeds(maps, 1)[5]).isEqualTo(3f);
    }

    @Test
    void hiddenMeanIgnoresMasksThatRevealedTheCell() {
        long[] seeds = {1110, 1111};
        int revealedBySeed0 = RevealMask.revealedIndices(1110, 0.9)[0];
        boolean[] seed1 = RevealMask.revealed(1111, 0.9);
        int g = ModelTensors.GRID;
        float[] values = new float[2 * g * g];
        values[g * g + revealedBySeed0] = 5f; // seed 1's map at that patch

        float[] mean =
                MapReadout.hiddenMeanOverSeeds(new ProbeMaps(1, 2, g, values, 0), 0, seeds, 0.9);

        float expected = seed1[revealedBySeed0] ? 0f : 5f;
        assertThat(mean[revealedBySeed0]).isEqualTo(expected);
    }
}
