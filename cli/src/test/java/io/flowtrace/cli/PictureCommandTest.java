package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureCommandTest {

    @TempDir Path dir;

    private static BufferedImage readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s as a PNG", file).isNotNull();
        return image;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The ground truth, every point moved {@code dx} pixels right: a prediction with an error. */
    private static Path predictions(SyntheticClip clip, double dx, Path file) {
        List<TrackPoint> rows = new ArrayList<>();
        for (TrackPoint p : clip.groundTruth()) {
            rows.add(new TrackPoint(p.id(), p.t(), p.x() + dx, p.y(), p.visible()));
        }
        TracksCsv.write(file, rows);
        return file;
    }

    @Test
    void queryPicturesEveryScaleTheOverviewAndTheSideBySide() throws IOException {
        SyntheticClip clip = TestTasks.clip(2, 3, 21);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        int id = clip.queries().get(1).id();
        Path out = dir.resolve("pics");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "query",
                        "--task",
                        task.toString(),
                        "--id",
                        "" + id,
                        "--out",
                        out.toString(),
                        "--zooms",
                        "1",
                        "--masks",
                        "2",
                        "--size",
                        "200");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("query " + id + ": frame 0").contains("GT (");
        String prefix = "query-" + id + "-";
        assertThat(names(out))
                .containsExactly(
                        prefix + "overview.png",
                        prefix + "scale-0.png",
                        prefix + "scale-1.png",
                        prefix + "side-by-side.png");
        assertThat(readPng(out.resolve(prefix + "scale-0.png")).getWidth()).isEqualTo(200);
        assertThat(readPng(out.resolve(prefix + "scale-1.png")).getWidth()).isEqualTo(200);
        assertThat(readPng(out.resolve(prefix + "overview.png")).getWidth()).isGreaterThan(400);
        assertThat(readPng(out.resolve(prefix + "side-by-side.png")).getWidth())
                .isGreaterThan(1000);
    }

    @Test
    void queryWithAnUnknownIdIsAUsageErrorNamingTheId() {
        Path task = TestTasks.write(TestTasks.clip(2, 2, 22), dir.resolve("task"));
        Path out = dir.resolve("pics");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "query",
                        "--task",
                        task.toString(),
                        "--id",
                        "4242",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("4242").contains("queries.csv");
        assertThat(out).doesNotExist();
    }

    @Test
    void taskPicturesATwoFrameTaskAsTracksAndAVideoOfTwoSeconds() throws Exception {
        SyntheticClip clip = TestTasks.clip(2, 6, 23);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        Path pred = predictions(clip, 1.5, dir.resolve("pred.csv"));
        Path out = dir.resolve("pics");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "task",
                        "--task",
                        task.toString(),
                        "--pred",
                        pred.toString(),
                        "--out",
                        out.toString(),
                        "--fps",
                        "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly("tracks.mp4", "tracks.png");
        BufferedImage tracks = readPng(out.resolve("tracks.png"));
        assertVideo(out.resolve("tracks.mp4"), tracks, 20);
    }

    @Test
    void taskPicturesALongerClipIntoTheVideoNamedWithAtMostTheAskedTracks() throws Exception {
        SyntheticClip clip = TestTasks.clip(12, 8, 24);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        Path pred = predictions(clip, 0.5, dir.resolve("pred.csv"));
        Path video = dir.resolve("videos").resolve("clip.mp4");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "task",
                        "--task",
                        task.toString(),
                        "--pred",
                        pred.toString(),
                        "--out",
                        dir.resolve("pics").toString(),
                        "--video",
                        video.toString(),
                        "--max-points",
                        "3",
                        "--fps",
                        "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("drew 3 of 8 tracks");
        // 12 frames at 10 fps each held twice, to last at least 2 s
        assertVideo(video, readPng(dir.resolve("pics").resolve("tracks.png")), 24);
    }

    @Test
    void taskWithPredictionsForUnknownQueriesIsAUsageError() {
        SyntheticClip clip = TestTasks.clip(2, 2, 25);
        Path task = TestTasks.write(clip, dir.resolve("task"));
        Path pred = dir.resolve("pred.csv");
        TracksCsv.write(pred, List.of(new TrackPoint(999, 1, 3, 3, true)));

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "task",
                        "--task",
                        task.toString(),
                        "--pred",
                        pred.toString(),
                        "--out",
                        dir.resolve("pics").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("id 999");
    }

    /** The video has {@code frames} frames of the picture's size, rounded up to even. */
    private static void assertVideo(Path file, BufferedImage picture, int frames) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertThat(grabber.getImageWidth()).isEqualTo((picture.getWidth() + 1) / 2 * 2);
            assertThat(grabber.getImageHeight()).isEqualTo((picture.getHeight() + 1) / 2 * 2);
            int decoded = 0;
            while (grabber.grabImage() != null) {
                decoded++;
            }
            assertThat(decoded).isEqualTo(frames);
        }
    }
}
