package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.task.TracksCsv;
import io.flowtrace.video.TestVideos;
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
    void tracksAVideoFileAsOneCameraWithoutGroundTruth() throws Exception {
        Path video =
                TestVideos.writeLossless(
                        TestTasks.clip(4, 2, 41).frames(), dir.resolve("input.mkv"));

        CommandRun run =
                CommandRun.of(
                        "demo",
                        "--video",
                        video.toString(),
                        "--frames",
                        "3",
                        "--queries",
                        "3",
                        "--fps",
                        "20",
                        "--out",
                        dir.resolve("run").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("input.mkv: 3 frames")
                .contains("video: 2 of 2 pairs tracked, 3 points, 6 track rows | no ground truth");
        assertThat(TracksCsv.read(dir.resolve("run/video/pred.csv"))).hasSize(6);
        assertThat(Files.size(dir.resolve("run/video-tracks.mp4"))).isPositive();
    }

    @Test
    void rejectsAVideoThatCannotBeRead() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.mp4"), "not a video");

        CommandRun run = CommandRun.of("demo", "--video", bogus.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--video", "bogus.mp4");
    }

    @Test
    void rejectsAClipOfOneFrame() {
        CommandRun run = CommandRun.of("demo", "--frames", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frames >= 2");
    }
}
