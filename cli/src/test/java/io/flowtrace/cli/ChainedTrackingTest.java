package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainedTrackingTest {

    @TempDir static Path dir;

    private static SyntheticClip clip;
    private static Path task;

    @BeforeAll
    static void writeTask() {
        clip =
                SyntheticClip.generate(
                        SceneSpec.builder()
                                .size(128, 128)
                                .frames(3)
                                .layers(2)
                                .queries(8)
                                .seed(11)
                                .build());
        task = TestTasks.write(clip, dir.resolve("task"));
    }

    private static List<TrackPoint> track(String protocol) {
        Path out = dir.resolve(protocol + ".csv");
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
                        protocol);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return TracksCsv.read(out);
    }

    @Test
    void chainsThroughConsecutiveFramesToNearGroundTruth() {
        List<TrackPoint> chained = track("chained");
        List<TrackPoint> first = track("first");
        List<TrackPoint> truth = TestTasks.sorted(clip.groundTruth());

        assertThat(TestTasks.keys(chained)).containsExactlyElementsOf(TestTasks.keys(truth));
        assertThat(chained).extracting(TrackPoint::t).containsOnly(1, 2);
        // the first step of a chain is the same frame pair as the first protocol's
        assertThat(chained.stream().filter(p -> p.t() == 1).toList())
                .containsExactlyElementsOf(first.stream().filter(p -> p.t() == 1).toList());
        // the second step starts from the first step's estimate and still lands near the truth
        double sum = 0;
        int visible = 0;
        for (int i = 0; i < chained.size(); i++) {
            TrackPoint p = chained.get(i);
            TrackPoint g = truth.get(i);
            if (g.visible() && g.t() == 2) {
                sum += Math.hypot(p.x() - g.x(), p.y() - g.y());
                visible++;
            }
        }
        assertThat(visible).isPositive();
        assertThat(sum / visible).as("mean error at t=2 over %d points", visible).isLessThan(1.5);
    }
}
