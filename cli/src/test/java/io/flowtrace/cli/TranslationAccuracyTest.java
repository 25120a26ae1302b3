package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy acceptance test: {@code track --method kltrace} with the default recipe on
 * pure-translation clips, scored as average distance (AD) in 256x256 space over the points visible
 * in the ground truth and as visibility accuracy over all points, pooled over the clips.
 */
class TranslationAccuracyTest {

    private static final long[] SEEDS = {1, 2, 3};

    /** The first queries of each clip (the sampler draws them in random order), for runtime. */
    private static final int QUERIES_PER_CLIP = 24;

    @TempDir Path dir;

    private double distanceSum;
    private int visiblePoints;
    private int visibilityHits;
    private int points;

    @Test
    void tracksTranslationWithinOnePixelAndNinetyPercentVisibilityWithDefaults() {
        for (long seed : SEEDS) {
            score(SyntheticClip.generate(SceneSpec.translation(seed)), seed);
        }

        double ad = distanceSum / visiblePoints;
        double visibility = (double) visibilityHits / points;
        String measured =
                String.format(
                        Locale.ROOT,
                        "AD=%.3f px over %d visible points, visibility accuracy=%.1f%% over %d",
                        ad,
                        visiblePoints,
                        100 * visibility,
                        points);
        System.out.println("translation accuracy: " + measured); // kept in the surefire report
        assertThat(ad).as(measured).isLessThan(1.0);
        assertThat(visibility).as(measured).isGreaterThanOrEqualTo(0.9);
    }

    private void score(SyntheticClip clip, long seed) {
        Path task = TestTasks.write(clip, dir.resolve("seed-" + seed));
        List<Query> subset = clip.queries().subList(0, QUERIES_PER_CLIP);
        Path queries = TestTasks.queries(task, "queries-subset.csv", subset);
        Path out = task.resolve("pred.csv");

        CommandRun run =
                CommandRun.of(
                        "track",
                        "--method",
                        "kltrace",
                        "--frames",
                        task.resolve("frames").toString(),
                        "--queries",
                        queries.toString(),
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, TrackPoint> predicted = new HashMap<>();
        for (TrackPoint p : TracksCsv.read(out)) {
            predicted.put(p.id() + "@" + p.t(), p);
        }
        assertThat(predicted).hasSize(QUERIES_PER_CLIP);
        Set<Integer> ids = subset.stream().map(Query::id).collect(Collectors.toSet());
        List<TrackPoint> truth =
                clip.groundTruth().stream().filter(g -> ids.contains(g.id())).toList();
        assertThat(truth).hasSize(QUERIES_PER_CLIP);
        double sx = 256.0 / clip.spec().width();
        double sy = 256.0 / clip.spec().height();
        for (TrackPoint g : truth) {
            TrackPoint p = predicted.get(g.id() + "@" + g.t());
            assertThat(p).as("prediction for query %d at t=%d", g.id(), g.t()).isNotNull();
            if (g.visible()) {
                distanceSum += Math.hypot((p.x() - g.x()) * sx, (p.y() - g.y()) * sy);
                visiblePoints++;
            }
            visibilityHits += p.visible() == g.visible() ? 1 : 0;
            points++;
        }
    }
}
