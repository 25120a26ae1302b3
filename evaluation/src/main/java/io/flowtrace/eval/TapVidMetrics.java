package io.flowtrace.eval;

import io.flowtrace.task.TrackPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TAP-Vid metrics (AD, EPE, <δ^x_avg, OA, AJ) of predictions against ground truth.
 *
 * <p>Each ground-truth row (a query and a target frame) is one evaluation point. A point with no
 * prediction row counts as predicted occluded and outside every threshold; it is left out of AD and
 * EPE and counted in {@link Scores#missing()}.
 */
public final class TapVidMetrics {

    /** Thresholds in 256-space pixels. */
    static final double[] THRESHOLDS = {1, 2, 4, 8, 16};

    private TapVidMetrics() {}

    public static Scores score(
            List<TrackPoint> truth, List<TrackPoint> predicted, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "frame size must be positive: " + width + "x" + height);
        }
        Map<Long, TrackPoint> byKey = new HashMap<>();
        for (TrackPoint p : predicted) {
            byKey.put(key(p), p);
        }
        double sx = 256.0 / width;
        double sy = 256.0 / height;
        int visible = 0;
        int missing = 0;
        int measured = 0;
        double sumDistance = 0;
        double sumNative = 0;
        int occlusionCorrect = 0;
        int[] within = new int[THRESHOLDS.length];
        int[] falsePositives = new int[THRESHOLDS.length];
        int[] truePositives = new int[THRESHOLDS.length];
        for (TrackPoint gt : truth) {
            TrackPoint p = byKey.get(key(gt));
            boolean predictedVisible = p != null && p.visible();
            if (p == null) {
                missing++;
            }
            if (predictedVisible == gt.visible()) {
                occlusionCorrect++;
            }
            double d2 = Double.POSITIVE_INFINITY;
            if (p != null) {
                double dx = (p.x() - gt.x()) * sx;
                double dy = (p.y() - gt.y()) * sy;
                d2 = dx * dx + dy * dy;
            }
            if (gt.visible()) {
                visible++;
                if (p != null) {
                    measured++;
                    sumDistance += Math.sqrt(d2);
                    sumNative += Math.hypot(p.x() - gt.x(), p.y() - gt.y());
                }
            }
            for (int k = 0; k < THRESHOLDS.length; k++) {
                boolean close = d2 < THRESHOLDS[k] * THRESHOLDS[k];
                if (gt.visible() && close) {
                    within[k]++;
                }
                if (predictedVisible) {
                    if (gt.visible() && close) {
                        truePositives[k]++;
                    } else {
                        falsePositives[k]++;
                    }
                }
            }
        }
        double deltaAvg = 0;
        double aj = 0;
        for (int k = 0; k < THRESHOLDS.length; k++) {
            deltaAvg += visible == 0 ? Double.NaN : within[k] / (double) visible;
            int denominator = visible + falsePositives[k];
            aj += denominator == 0 ? Double.NaN : truePositives[k] / (double) denominator;
        }
        int n = truth.size();
        return new Scores(
                measured == 0 ? Double.NaN : sumDistance / measured,
                measured == 0 ? Double.NaN : sumNative / measured,
                100 * deltaAvg / THRESHOLDS.length,
                n == 0 ? Double.NaN : 100.0 * occlusionCorrect / n,
                100 * aj / THRESHOLDS.length,
                n,
                visible,
                missing);
    }

    private static long key(TrackPoint p) {
        return ((long) p.id() << 32) | (p.t() & 0xFFFFFFFFL);
    }
}
