package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProbeCostTest {

    private static final long[] FIVE_SEEDS = {1110, 1111, 1112, 1113, 1114};

    /** sigma 0.5: the dot changes pixels 6..9 x 2..5, i.e. patches 0 and 1 of row 0. */
    private static final ProbeParams SMALL_DOT = new ProbeParams(0.5, 255, 0.9, Readout.KL, 32);

    private static RgbImage grey(int value) {
        byte[] rgb = new byte[256 * 256 * 3];
        Arrays.fill(rgb, (byte) value);
        return new RgbImage(256, 256, rgb);
    }

    private static ProbePair pair(float[] points, long[] seeds, QueryWindow window) {
        return new ProbePair(grey(100), grey(100), points, seeds, window);
    }

    private static final float[] ONE_POINT = {7.5f, 3.5f};

    @Test
    void theDotTouchesThePatchesOfThePixelsItChanges() {
        assertThat(ProbeCost.touchedPatches(grey(100), 7.5, 3.5, SMALL_DOT).stream().toArray())
                .containsExactly(0, 1);
        assertThat(ProbeCost.touchedPatches(grey(100), 100, 100, ProbeParams.PAPER).cardinality())
                .isEqualTo(8); // reaches 7.06 px: 3x3 patches but the corner at 7.07 px
    }

    @Test
    void plainSequencesCostOnePassEachAndTheCleanOneIsShared() {
        ProbePair p = pair(ONE_POINT, FIVE_SEEDS, QueryWindow.FULL);

        // 5 seeds x (clean + perturbed) x (5,120 + 510 + 922)
        assertThat(ProbeCost.tokens(p, SMALL_DOT)).isEqualTo(65_520);
        assertThat(ProbeCost.passEquivalents(65_520)).isEqualTo(10.0);
        // 64x64 maps: 4 passes per sequence with 0..3 teacher columns: 4 x 5,630 + 10 x 922
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withMapSize(64))).isEqualTo(5 * 2 * 31_740);
    }

    @Test
    void aSharedPrefixComputesFrameOneOnceAndOneOrderSharesItAcrossSeeds() {
        ProbePair p = pair(ONE_POINT, FIVE_SEEDS, QueryWindow.FULL);

        // per seed: prefix 1,022 x 5, then two branches of 10 + 510 + 922
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withPlan(SequencePlan.fromBits(1))))
                .isEqualTo(5 * (5_110 + 2 * 1_442));
        // prefix and both tails once, then per seed two branches of 510 + 922
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withPlan(SequencePlan.fromBits(3))))
                .isEqualTo(5_110 + 2 * 10 + 5 * 2 * 1_432);
        // independent queries change no cost
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withPlan(SequencePlan.SHARED)))
                .isEqualTo(5_110 + 2 * 10 + 5 * 2 * 1_432);
        // 64x64 maps with a cache: three more columns of 922 codes per branch, nothing recomputed
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withMapSize(64).withPlan(SequencePlan.SHARED)))
                .isEqualTo(5_110 + 2 * 10 + 5 * 2 * (510 + 4 * 922));
    }

    @Test
    void aWindowQueriesOnlyTheHiddenPatchesItMeets() {
        QueryWindow window = new QueryWindow(40, 40, 80, 80); // patches 5..9 x 5..9
        ProbePair p = pair(ONE_POINT, FIVE_SEEDS, window);
        long expected = 0;
        for (long seed : FIVE_SEEDS) {
            boolean[] shown = RevealMask.revealed(seed, 0.9);
            int q = 0;
            for (int row = 5; row < 10; row++) {
                for (int col = 5; col < 10; col++) {
                    q += shown[row * 32 + col] ? 0 : 1;
                }
            }
            assertThat(ProbeCost.queriedCount(seed, 0.9, window)).isEqualTo(q);
            expected += 2L * (5_630 + q);
        }

        assertThat(ProbeCost.tokens(p, SMALL_DOT)).isEqualTo(expected);
        assertThat(ProbeCost.queriedCount(1110, 0.9, new QueryWindow(300, 0, 400, 10))).isZero();
        assertThat(
                        ProbeCost.tokens(
                                pair(ONE_POINT, FIVE_SEEDS, new QueryWindow(300, 0, 400, 10)),
                                SMALL_DOT))
                .isZero();
    }

    @Test
    void aWindowEdgeOnAPatchBoundaryDoesNotReachIntoTheNextPatch() {
        QueryWindow window = new QueryWindow(8, 8, 16, 16);

        assertThat(window.meets(33)).isTrue(); // row 1, col 1
        assertThat(window.meets(34)).isFalse(); // starts at x = 16
        assertThat(window.meets(1)).isFalse(); // ends at y = 8
        assertThat(new QueryWindow(8, 8, 16.5f, 16).meets(34)).isTrue();
    }

    @Test
    void aDotThatChangesNoPixelCostsNothing() {
        ProbePair white = new ProbePair(grey(255), grey(255), ONE_POINT, FIVE_SEEDS);

        assertThat(ProbeCost.tokens(white, SMALL_DOT)).isZero();
        assertThat(ProbeCost.tokens(white, SMALL_DOT.withPlan(SequencePlan.SHARED))).isZero();
    }

    @Test
    void pointsOfAPairShareOneGroupWhenTheirTailsAreShort() {
        float[] two = {7.5f, 3.5f, 200.5f, 100.5f}; // 2 patches each, far apart
        ProbePair p = pair(two, new long[] {1110}, QueryWindow.FULL);

        // plain: clean + 2 perturbed full sequences
        assertThat(ProbeCost.tokens(p, SMALL_DOT)).isEqualTo(3 * 6_552);
        // one group of 2 (u = 4): 5,100 + 3 x (20 + 510 + 922) beats two groups of one
        assertThat(ProbeCost.tokens(p, SMALL_DOT.withPlan(SequencePlan.fromBits(1))))
                .isEqualTo(5_100 + 3 * 1_452)
                .isLessThan(2 * (5_110 + 2 * 1_442));
    }

    @Test
    void manyPointsAreCutIntoGroupsWhenOneGroupsTailsGrowTooLong() {
        int n = 64;
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) { // one point per 4x4 block of patches, each touching 2
            points[2 * i] = (i % 8) * 32 + 7.5f;
            points[2 * i + 1] = (i / 8) * 32 + 3.5f;
        }
        ProbePair p = pair(points, new long[] {1110}, QueryWindow.FULL);
        ProbeParams shared = SMALL_DOT.withPlan(SequencePlan.fromBits(1));
        long oneGroup = 5L * (1024 - 2 * n) + (n + 1L) * (10L * n + 1_432);

        long tokens = ProbeCost.tokens(p, shared);

        assertThat(tokens).isLessThan(oneGroup).isLessThan((n + 1L) * 6_552);
        // the least over every group size g = 1..n, each group of g points costing
        // 5 (1024 - 2g) + (g + 1)(10 g + 1,432)
        long best = Long.MAX_VALUE;
        for (int g = 1; g <= n; g++) {
            long total = 0;
            for (int from = 0; from < n; from += g) {
                int size = Math.min(g, n - from);
                total += 5L * (1024 - 2 * size) + (size + 1L) * (10L * size + 1_432);
            }
            best = Math.min(best, total);
        }
        assertThat(tokens).isEqualTo(best);
    }
}
