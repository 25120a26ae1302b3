package io.flowtrace.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeCost;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.RevealMask;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.SequencePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceModelTest {

    private static final long[] SEEDS = {1110, 1111, 1112};
    private static final ProbeParams FINE = ProbeParams.PAPER.withMapSize(ModelTensors.FINE_GRID);
    private final ReferenceModel model = new ReferenceModel();
    private final RgbImage frame1 = Crops.textured(3);
    private final RgbImage frame2 = Crops.shifted(frame1, 6, -4);

    private ProbeMaps probe(RgbImage f1, RgbImage f2, float[] points, long[] seeds, ProbeParams p) {
        return model.probe(ProbeRequest.of(new ProbePair(f1, f2, points, seeds), p)).get(0);
    }

    @Test
    void zeroAmplitudeGivesAllZeroMaps() {
        ProbeMaps maps =
                probe(
                        frame1,
                        frame2,
                        new float[] {100, 100, 30, 200},
                        SEEDS,
                        FINE.withAmplitude(0));

        assertThat(maps.rawValues()).containsOnly(0f);
    }

    @Test
    void revealedPatchesAreZeroAndDivergencesAreNonNegative() {
        ProbeMaps maps = probe(frame1, frame2, new float[] {120, 90}, SEEDS, FINE);

        for (int s = 0; s < SEEDS.length; s++) {
            boolean[] revealed = RevealMask.revealed(SEEDS[s], FINE.maskRatio());
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    float v = maps.value(0, s, r, c);
                    assertThat(v).isGreaterThanOrEqualTo(0f);
                    if (revealed[(r / 2) * 32 + c / 2]) {
                        assertThat(v).as("revealed cell %d,%d seed %d", r, c, s).isZero();
                    }
                }
            }
        }
    }

    @Test
    void aWindowKeepsTheMapsInsideItAndZeroesTheRest() {
        float[] point = {120, 90};
        QueryWindow window = new QueryWindow(96, 64, 160, 128); // patches 12..19 x 8..15
        ProbeMaps full = probe(frame1, frame2, point, SEEDS, FINE);
        ProbeMaps windowed =
                model.probe(
                                ProbeRequest.of(
                                        new ProbePair(frame1, frame2, point, SEEDS, window), FINE))
                        .get(0);

        int inside = 0;
        for (int s = 0; s < SEEDS.length; s++) {
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    boolean in = window.meets((r / 2) * 32 + c / 2);
                    float expected = in ? full.value(0, s, r, c) : 0f;
                    assertThat(windowed.value(0, s, r, c)).isEqualTo(expected);
                    inside += in && expected > 0 ? 1 : 0;
                }
            }
        }
        assertThat(inside).isPositive();
        assertThat(windowed.tokens()).isLessThan(full.tokens());
    }

    @Test
    void reportsTheTokensLrasWouldComputeAndThePlanLeavesTheMapsAlone() {
        float[] points = {64, 64, 190, 40};
        ProbePair pair = new ProbePair(frame1, frame2, points, SEEDS);
        ProbeParams shared = FINE.withPlan(SequencePlan.SHARED);

        ProbeMaps plain = probe(frame1, frame2, points, SEEDS, FINE);
        ProbeMaps cheap = model.probe(ProbeRequest.of(pair, shared)).get(0);

        assertThat(plain.tokens()).isEqualTo(ProbeCost.tokens(pair, FINE)).isPositive();
        assertThat(cheap.tokens())
                .isEqualTo(ProbeCost.tokens(pair, shared))
                .isLessThan(plain.tokens());
        assertThat(cheap.rawValues()).containsExactly(plain.rawValues());
    }

    @Test
    void completesItsAsynchronousProbeBeforeReturning() {
        ProbeRequest request =
                ProbeRequest.of(new ProbePair(frame1, frame2, new float[] {64, 64}, SEEDS), FINE);

        var future = model.probeAsync(request);

        assertThat(future)
                .isDone(); // computed before it was returned, not queued on the common pool
        assertThat(future.join().get(0).rawValues())
                .containsExactly(model.probe(request).get(0).rawValues());
    }

    @Test
    void isDeterministic() {
        float[] points = {64, 64, 190, 40};

        assertThat(probe(frame1, frame2, points, SEEDS, FINE).rawValues())
                .containsExactly(probe(frame1, frame2, points, SEEDS, FINE).rawValues());
    }

    @Test
    void sharedCleanPassGivesTheSameMapsAsSeparateRequests() {
        // ten points run on the shared, parallel path; one point alone runs the lazy path
        float[] points = new float[20];
        for (int i = 0; i < 10; i++) {
            points[2 * i] = 20 + 23 * i;
            points[2 * i + 1] = 230 - 19 * i;
        }
        ProbeMaps together = probe(frame1, frame2, points, SEEDS, FINE);

        for (int i = 0; i < 10; i++) {
            ProbeMaps alone =
                    probe(
                            frame1,
                            frame2,
                            new float[] {points[2 * i], points[2 * i + 1]},
                            SEEDS,
                            FINE);
            for (int s = 0; s < SEEDS.length; s++) {
                assertThat(together.map(i, s))
                        .as("point %d seed %d", i, s)
                        .containsExactly(alone.map(0, s));
            }
        }
    }

    @Test
    void neverReadsHiddenFrame2Pixels() {
        long[] seed = {1110};
        boolean[] revealed = RevealMask.revealed(1110, FINE.maskRatio());
        byte[] scrambled = frame2.rgb().clone();
        for (int i = 0; i < scrambled.length; i++) {
            int pixel = i / 3;
            int patch = (pixel / 256 / 8) * 32 + (pixel % 256) / 8;
            if (!revealed[patch]) {
                scrambled[i] = (byte) (i * 31 + 7);
            }
        }
        RgbImage hiddenChanged = new RgbImage(256, 256, scrambled);
        float[] points = {100, 100, 180, 60};

        assertThat(probe(frame1, hiddenChanged, points, seed, FINE).rawValues())
                .containsExactly(probe(frame1, frame2, points, seed, FINE).rawValues());
    }

    @Test
    void revealedFrame2PixelsDoInfluenceThePrediction() {
        long[] seed = {1110};
        boolean[] revealed = RevealMask.revealed(1110, FINE.maskRatio());
        RgbImage other = Crops.textured(99);
        byte[] mixed = frame2.rgb().clone();
        for (int i = 0; i < mixed.length; i++) {
            int pixel = i / 3;
            int patch = (pixel / 256 / 8) * 32 + (pixel % 256) / 8;
            if (revealed[patch]) {
                mixed[i] = other.rgb()[i];
            }
        }
        float[] points = {100, 100, 180, 60};

        assertThat(probe(frame1, new RgbImage(256, 256, mixed), points, seed, FINE).rawValues())
                .isNotEqualTo(probe(frame1, frame2, points, seed, FINE).rawValues());
    }

    @Test
    void klPeakFollowsTheMotion() {
        float[] points = {80, 80, 150, 100, 60, 170, 180, 180, 120, 40};
        ProbeMaps maps =
                probe(frame1, frame2, points, new long[] {1110, 1111, 1112, 1113, 1114}, FINE);

        int hits = 0;
        for (int i = 0; i < points.length / 2; i++) {
            float[] mean = new float[64 * 64];
            for (int s = 0; s < 5; s++) {
                float[] m = maps.map(i, s);
                for (int k = 0; k < m.length; k++) {
                    mean[k] += m[k];
                }
            }
            int best = 0;
            for (int k = 1; k < mean.length; k++) {
                best = mean[k] > mean[best] ? k : best;
            }
            double x = (best % 64) * 4 + 1.5;
            double y = (best / 64) * 4 + 1.5;
            if (Math.hypot(x - (points[2 * i] + 6), y - (points[2 * i + 1] - 4)) <= 4) {
                hits++;
            }
        }
        assertThat(hits)
                .as("points whose peak cell lies within 4 px of the target")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void coarseMapIsTheTopLeftCellOfEachPatchInTheFineMap() {
        float[] point = {128, 128};
        ProbeMaps fine = probe(frame1, frame2, point, SEEDS, FINE);
        ProbeMaps coarse = probe(frame1, frame2, point, SEEDS, ProbeParams.PAPER);

        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                assertThat(coarse.value(0, 1, r, c)).isEqualTo(fine.value(0, 1, 2 * r, 2 * c));
            }
        }
    }

    @Test
    void rgbDifferenceReadoutAlsoLightsUpOnlyNearTheTarget() {
        ProbeMaps maps =
                probe(
                        frame1,
                        frame2,
                        new float[] {100, 120},
                        SEEDS,
                        FINE.withReadout(Readout.RGB_DIFF));

        float[] m = maps.map(0, 0);
        int best = 0;
        for (int k = 1; k < m.length; k++) {
            best = m[k] > m[best] ? k : best;
        }
        assertThat(m[best]).isPositive();
        assertThat(Math.hypot((best % 64) * 4 + 1.5 - 106, (best / 64) * 4 + 1.5 - 116))
                .isLessThan(12);
    }

    @Test
    void batchesReturnOneResultPerPairInOrder() {
        ProbePair a = new ProbePair(frame1, frame2, new float[] {50, 50}, SEEDS);
        ProbePair b = new ProbePair(frame2, frame1, new float[] {60, 70, 80, 90}, SEEDS);

        List<ProbeMaps> maps = model.probe(new ProbeRequest(List.of(a, b), FINE)).maps();

        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).points()).isEqualTo(1);
        assertThat(maps.get(1).points()).isEqualTo(2);
        assertThat(maps.get(1).seeds()).isEqualTo(3);
    }
}
