package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    @TempDir Path dir;

    @Test
    void printsTheMetricsAsJson() throws Exception {
        SyntheticClip clip = TestTasks.clip(2, 4, 11);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        // the ground truth itself, with the first row moved 3 px right: 12 px in 256-space
        List<TrackPoint> pred = new ArrayList<>(clip.groundTruth());
        TrackPoint first = pred.get(0);
        pred.set(
                0,
                new TrackPoint(first.id(), first.t(), first.x() + 3, first.y(), first.visible()));
        Path predFile = dir.resolve("pred.csv");
        TracksCsv.write(predFile, pred);

        CommandRun run =
                CommandRun.of(
                        "eval", "--task", task.toString(), "--pred", predFile.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames())
                .toIterable()
                .contains("AD", "EPE", "deltaAvg", "OA", "AJ", "points", "visible");
        assertThat(json.get("points").asInt()).isEqualTo(4);
        assertThat(json.get("OA").asDouble()).isEqualTo(100.0);
        int visible = json.get("visible").asInt();
        if (first.visible()) {
            double scale = 256.0 / clip.spec().width();
            assertThat(json.get("AD").asDouble()).isCloseTo(3 * scale / visible, within(1e-3));
            assertThat(json.get("EPE").asDouble()).isCloseTo(3.0 / visible, within(1e-3));
        }
    }

    @Test
    void printsAReadableTableByDefault() {
        SyntheticClip clip = TestTasks.clip(2, 3, 12);
        Path task = TestTasks.write(clip, dir.resolve("task"));

        CommandRun run =
                CommandRun.of(
                        "eval",
                        "--task",
                        task.toString(),
                        "--pred",
                        task.resolve("gt.csv").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("AD 0.00 px").contains("<δavg 100.0").contains("OA 100.0");
    }

    @Test
    void missingGroundTruthIsAnInputErrorNamingTheFile() {
        SyntheticClip clip = TestTasks.clip(2, 3, 13);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        task.resolve("gt.csv").toFile().delete();

        CommandRun run =
                CommandRun.of(
                        "eval",
                        "--task",
                        task.toString(),
                        "--pred",
                        task.resolve("queries.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gt.csv");
    }
}
