package io.flowtrace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir Path dir;

    @Test
    void streamsAGeneratedCameraThroughKafkaAndFlinkAndReportsEveryPair() throws Exception {
        Path out = dir.resolve("demo");

        CommandRun run =
                CommandRun.of(
                        "demo",
                        "--cameras",
                        "2",
                        "--frames",
                        "3",
                        "--queries",
                        "3",
                        "--fps",
                        "20",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("cam-1: 2 of 2 pairs tracked, 3 points, 6 track rows")
                .contains("cam-2: 2 of 2 pairs tracked, 3 points, 6 track rows")
                .contains("<δavg")
                .contains("latency in job p50");
        assertThat(TracksCsv.read(out.resolve("cam-1/pred.csv"))).hasSize(6);
        assertThat(Files.size(out.resolve("cam-1-tracks.mp4"))).isPositive();
        assertThat(Files.size(out.resolve("cam-2-tracks.mp4"))).isPositive();
        assertThat(out.resolve("cam-1/gt.csv")).exists();
    }

    @Test
    void rejectsAClipOfOneFrame() {
        CommandRun run = CommandRun.of("demo", "--frames", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frames >= 2");
    }
}
