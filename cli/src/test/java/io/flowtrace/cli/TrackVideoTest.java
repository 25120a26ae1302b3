package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.video.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackVideoTest {

    @TempDir Path dir;

    @Test
    void tracksQueriesThroughDecodedVideo() {
        SyntheticClip clip = TestTasks.clip(2, 2, 3);
        Path video = TestVideos.writeLossless(clip.frames(), dir.resolve("clip.mkv"));
        Path queries = TestTasks.queries(dir, "queries.csv", clip.queries());
        Path out = dir.resolve("pred.csv");

        CommandRun run =
                CommandRun.of(
                        "track",
                        "--zooms",
                        "1",
                        "--masks",
                        "2",
                        "--video",
                        video.toString(),
                        "--queries",
                        queries.toString(),
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestTasks.keys(TracksCsv.read(out)))
                .containsExactlyElementsOf(TestTasks.keys(TestTasks.sorted(clip.groundTruth())));
    }

    @Test
    void rejectsCorruptVideoWithoutWritingOutput() throws IOException {
        byte[] noise = new byte[2048];
        new Random(2).nextBytes(noise);
        Path video = Files.write(dir.resolve("broken.mkv"), noise);
        Path queries = TestTasks.queries(dir, "queries.csv", TestTasks.clip(2, 1, 1).queries());
        Path out = dir.resolve("pred.csv");

        CommandRun run =
                CommandRun.of(
                        "track",
                        "--video",
                        video.toString(),
                        "--queries",
                        queries.toString(),
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(video + ": ");
        assertThat(out).doesNotExist();
    }
}
