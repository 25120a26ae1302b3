package io.flowtrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.task.TrackPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapVidMetricsTest {

    private static TrackPoint at(int id, double x, double y, boolean visible) {
        return new TrackPoint(id, 1, x, y, visible);
    }

    @Test
    void perfectPredictionsScoreFullMarks() {
        List<TrackPoint> gt = List.of(at(0, 10, 10, true), at(1, 50, 60, false));

        Scores s = TapVidMetrics.score(gt, gt, 256, 256);

        assertThat(s.ad()).isZero();
        assertThat(s.deltaAvg()).isEqualTo(100);
        assertThat(s.oa()).isEqualTo(100);
        assertThat(s.aj()).isEqualTo(100);
        assertThat(s.visible()).isEqualTo(1);
    }

    @Test
    void distancesAreMeasuredIn256Space() {
        // a 512x128 frame: x is halved, y doubled
        List<TrackPoint> gt = List.of(at(0, 100, 50, true));
        List<TrackPoint> pred = List.of(at(0, 106, 52, true));

        Scores s = TapVidMetrics.score(gt, pred, 512, 128);

        // dx = 6 * 0.5 = 3, dy = 2 * 2 = 4 -> 5 px in 256-space; native sqrt(40)
        assertThat(s.ad()).isCloseTo(5.0, within(1e-12));
        assertThat(s.epe()).isCloseTo(Math.sqrt(40), within(1e-12));
        // within 8 and 16 only (strictly less than): 2 of 5 thresholds
        assertThat(s.deltaAvg()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void worksOutAHandMadeMixOfHitsMissesAndOcclusions() {
        // point 0: visible, error 1.5 px -> within 2, 4, 8, 16 (4 of 5)
        // point 1: visible, error 3 px, but predicted occluded
        // point 2: occluded, predicted visible (a false positive at every threshold)
        // point 3: occluded, predicted occluded
        List<TrackPoint> gt =
                List.of(
                        at(0, 10, 10, true),
                        at(1, 20, 20, true),
                        at(2, 30, 30, false),
                        at(3, 40, 40, false));
        List<TrackPoint> pred =
                List.of(
                        at(0, 11.5, 10, true),
                        at(1, 23, 20, false),
                        at(2, 30, 30, true),
                        at(3, 0, 0, false));

        Scores s = TapVidMetrics.score(gt, pred, 256, 256);

        assertThat(s.ad()).isCloseTo((1.5 + 3) / 2, within(1e-12));
        // within: thr1: 0; thr2: p0; thr4: p0,p1; thr8: p0,p1; thr16: p0,p1 -> (0+1+2+2+2)/2/5
        assertThat(s.deltaAvg()).isCloseTo(100 * (0 + 0.5 + 1 + 1 + 1) / 5, within(1e-9));
        assertThat(s.oa()).isCloseTo(50, within(1e-12));
        // TP: thr1 0, others 1 (p0); FP: 1 (p2) at each; visible 2 -> J = TP / (2 + 1)
        assertThat(s.aj()).isCloseTo(100 * (0 + 4 / 3.0) / 5, within(1e-9));
    }

    @Test
    void aMissingPredictionCountsAsAMiss() {
        List<TrackPoint> gt = List.of(at(0, 10, 10, true), at(1, 20, 20, true));
        List<TrackPoint> pred = List.of(at(0, 10, 10, true));

        Scores s = TapVidMetrics.score(gt, pred, 256, 256);

        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.deltaAvg()).isEqualTo(50);
        assertThat(s.oa()).isEqualTo(50);
        assertThat(s.aj()).isEqualTo(50);
        assertThat(s.ad()).isZero();
    }

    @Test
    void matchesPredictionsByIdAndFrame() {
        List<TrackPoint> gt = List.of(new TrackPoint(7, 2, 5, 5, true));
        List<TrackPoint> wrongFrame = List.of(new TrackPoint(7, 1, 5, 5, true));

        assertThat(TapVidMetrics.score(gt, wrongFrame, 256, 256).missing()).isEqualTo(1);
    }
}
