package io.flowtrace.cli.internal;

import io.flowtrace.eval.Scores;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How scores are printed: a short table for people, a flat map for JSON. */
public final class ScoreReport {

    private ScoreReport() {}

    /** Keys {@code AD, EPE, deltaAvg, OA, AJ, points, visible} (and {@code missing}). */
    public static Map<String, Object> asMap(Scores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AD", s.ad());
        m.put("EPE", s.epe());
        m.put("deltaAvg", s.deltaAvg());
        m.put("OA", s.oa());
        m.put("AJ", s.aj());
        m.put("points", s.points());
        m.put("visible", s.visible());
        m.put("missing", s.missing());
        return m;
    }

    public static String table(Scores s) {
        return String.format(
                Locale.ROOT,
                "AD %.2f px   <δavg %.1f   OA %.1f   AJ %.1f   (256x256 space)%n"
                        + "EPE %.2f px (native)   %d points, %d visible, %d without a prediction",
                s.ad(),
                s.deltaAvg(),
                s.oa(),
                s.aj(),
                s.epe(),
                s.points(),
                s.visible(),
                s.missing());
    }
}
