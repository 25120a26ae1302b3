package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowField;
import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.frames.ImageWriting;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeTaskCommandTest {

    private static final int WIDTH = 16;
    private static final int HEIGHT = 12;

    @TempDir Path dir;

    private Path frame1;
    private Path frame2;
    private Path flow;
    private Path occlusions;

    /**
     * A 16x12 pair moving by (1, 0.5): the targets of column 15 leave the frame; the occlusion mask
     * marks columns 0-1 of rows 0-9 (20 pixels).
     */
    @BeforeEach
    void writeInputs() {
        frame1 = png(noise(WIDTH, HEIGHT, 1), "frame1.png");
        frame2 = png(noise(WIDTH, HEIGHT, 2), "frame2.png");
        float[] u = new float[WIDTH * HEIGHT];
        float[] v = new float[WIDTH * HEIGHT];
        Arrays.fill(u, 1f);
        Arrays.fill(v, 0.5f);
        flow = dir.resolve("flow.flo");
        FloFile.write(new FlowField(WIDTH, HEIGHT, u, v), flow);
        byte[] mask = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 2; x++) {
                Arrays.fill(mask, (y * WIDTH + x) * 3, (y * WIDTH + x) * 3 + 3, (byte) 255);
            }
        }
        occlusions = png(new RgbImage(WIDTH, HEIGHT, mask), "occlusions.png");
    }

    @Test
    void writesATaskOfVisiblePointsAndPrintsASummary() throws Exception {
        Path out = dir.resolve("task");

        CommandRun run = makeTask(out, "--occlusions", occlusions.toString(), "--points", "30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 192 pixels, less 20 occluded and 12 leaving the frame
        assertThat(run.out())
                .isEqualTo(
                        "wrote 30 points (30 visible) to "
                                + out
                                + ", sampled from 160 eligible pixels of 16x12\n");
        List<Query> queries = QueriesCsv.read(out.resolve("queries.csv"));
        List<TrackPoint> truth = TracksCsv.read(out.resolve("gt.csv"));
        assertThat(queries).hasSize(30).allMatch(q -> q.t() == 0 && q.x() < 15);
        assertThat(queries).noneMatch(q -> q.x() < 2 && q.y() < 10);
        for (int i = 0; i < 30; i++) {
            TrackPoint gt = truth.get(i);
            assertThat(gt.t()).isEqualTo(1);
            assertThat(gt.x()).isEqualTo(queries.get(i).x() + 1);
            assertThat(gt.y()).isEqualTo(queries.get(i).y() + 0.5);
            assertThat(gt.visible()).isTrue();
        }
        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(out.resolve("frames"))) {
            assertThat(frames.describe(1)).isEqualTo("001.png");
            assertThat(frames.frame(1)).isEqualTo(noise(WIDTH, HEIGHT, 2));
        }
    }

    @Test
    void includeOccludedKeepsThemAsNotVisible() {
        Path out = dir.resolve("task");

        CommandRun run =
                makeTask(
                        out,
                        "--occlusions",
                        occlusions.toString(),
                        "--include-occluded",
                        "--points",
                        "192",
                        "--seed",
                        "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote 192 points (160 visible)");
        assertThat(TracksCsv.read(out.resolve("gt.csv"))).filteredOn(p -> !p.visible()).hasSize(32);
    }

    @Test
    void sameSeedGivesTheSameQueries() throws Exception {
        makeTask(dir.resolve("a"), "--seed", "8", "--points", "20");
        makeTask(dir.resolve("b"), "--seed", "8", "--points", "20");

        assertThat(Files.readString(dir.resolve("a/queries.csv")))
                .isEqualTo(Files.readString(dir.resolve("b/queries.csv")));
    }

    @Test
    void missingFlowFileIsAnInputErrorNamingIt() {
        flow = dir.resolve("absent.flo");

        CommandRun run = makeTask(dir.resolve("task"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("flowtrace make-task: " + flow + ": file not found");
        assertThat(dir.resolve("task")).doesNotExist();
    }

    @Test
    void fileThatIsNotAFloIsAnInputError() throws Exception {
        flow = frame1;

        CommandRun run = makeTask(dir.resolve("task"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(frame1.toString()).contains("bad magic number");
    }

    @Test
    void frameOfAnotherSizeIsAnInputError() {
        frame2 = png(noise(WIDTH, HEIGHT + 1, 2), "tall.png");

        CommandRun run = makeTask(dir.resolve("task"), "--points", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(frame2 + ": frame size 16x13 differs from the flow's 16x12");
        assertThat(dir.resolve("task")).doesNotExist();
    }

    @Test
    void tooFewEligiblePixelsIsAnInputError() {
        CommandRun run = makeTask(dir.resolve("task"), "--points", "181");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("only 180 of 192 pixels are eligible for 181 points");
    }

    @Test
    void pointsMustBePositive() {
        CommandRun run = makeTask(dir.resolve("task"), "--points", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--points must be positive, was 0");
    }

    private CommandRun makeTask(Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "make-task",
                                "--frame1",
                                frame1.toString(),
                                "--frame2",
                                frame2.toString(),
                                "--flow",
                                flow.toString(),
                                "--out",
                                out.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Path png(RgbImage image, String name) {
        Path file = dir.resolve(name);
        ImageWriting.writePng(image, file);
        return file;
    }

    private static RgbImage noise(int width, int height, int seed) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 31 + seed * 97);
        }
        return new RgbImage(width, height, rgb);
    }
}
