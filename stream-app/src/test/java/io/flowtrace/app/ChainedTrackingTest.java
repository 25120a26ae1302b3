package io.flowtrace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainedTrackingTest {

    @TempDir Path dir;

    /** The default recipe: reduced ones drift by several pixels over two 64x64 steps. */
    @Test
    void chainsThroughConsecutiveFramesToNearGroundTruth() {
        SyntheticClip clip = TestTasks.clip(3, 3, 11);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        Path out = dir.resolve("pred.csv");

        CommandRun run =
                CommandRun.of(
                        "track",
                        "--frames",
                        task.resolve("frames").toString(),
                        "--queries",
                        task.resolve("queries.csv").toString(),
                        "--out",
                        out.toString(),
                        "--protocol",
                        "chained");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<TrackPoint> rows = TracksCsv.read(out);
        List<TrackPoint> truth = TestTasks.sorted(clip.groundTruth());
        assertThat(TestTasks.keys(rows)).containsExactlyElementsOf(TestTasks.keys(truth));
        assertThat(rows).extracting(TrackPoint::t).containsOnly(1, 2);
        for (int i = 0; i < rows.size(); i++) {
            TrackPoint p = rows.get(i);
            TrackPoint g = truth.get(i);
            if (g.visible()) {
                assertThat(Math.hypot(p.x() - g.x(), p.y() - g.y()))
                        .as("error of query %d at t=%d: %s vs %s", p.id(), p.t(), p, g)
                        .isLessThan(1.5);
            }
        }
    }
}
