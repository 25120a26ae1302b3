package io.flowtrace.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.frames.ImageWriting;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowTaskTest {

    /** Pixel (x, y) moves by ((10 - x) / 4, -y / 2): every target stays in the 20x20 frame. */
    private static final FlowField SHRINK =
            TestFlows.of(20, 20, (x, y) -> (10 - x) / 4f, (x, y) -> -y / 2f);

    @TempDir Path dir;

    @Test
    void sameSeedWritesIdenticalFilesAndAnotherSeedDifferentOnes() throws Exception {
        Path a = write(FlowTask.builder(SHRINK).points(30).seed(5).build(), "a");
        Path b = write(FlowTask.builder(SHRINK).points(30).seed(5).build(), "b");
        Path c = write(FlowTask.builder(SHRINK).points(30).seed(6).build(), "c");

        for (String name : List.of("queries.csv", "gt.csv", "frames/000.png", "frames/001.png")) {
            assertThat(Files.readAllBytes(a.resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
        assertThat(Files.readString(c.resolve("queries.csv")))
                .isNotEqualTo(Files.readString(a.resolve("queries.csv")));
    }

    @Test
    void groundTruthIsTheQueryPlusTheFlowAtItsPixel() {
        FlowTask task = FlowTask.builder(SHRINK).points(50).seed(1).build();

        assertThat(task.queries()).hasSize(50).allMatch(q -> q.t() == 0);
        for (int i = 0; i < 50; i++) {
            Query q = task.queries().get(i);
            TrackPoint gt = task.groundTruth().get(i);
            assertThat(List.of(q.id(), gt.id(), gt.t())).containsExactly(i, i, 1);
            assertThat(q.x()).isEqualTo(Math.rint(q.x()));
            assertThat(gt.x()).isEqualTo(q.x() + (10 - q.x()) / 4);
            assertThat(gt.y()).isEqualTo(q.y() - q.y() / 2);
            assertThat(gt.visible()).isTrue();
        }
    }

    @Test
    void samplesWithoutReplacementUpToEveryEligiblePixel() {
        FlowTask task = FlowTask.builder(SHRINK).points(400).seed(9).build();

        Set<String> pixels = new HashSet<>();
        task.queries().forEach(q -> pixels.add(q.x() + "," + q.y()));
        assertThat(pixels).hasSize(400);
        assertThat(task.eligible()).isEqualTo(400);
    }

    @Test
    void neverSamplesInvalidPixelsOrUnknownFlow() {
        // valid: the 3x3 block at the top left, less its unknown centre pixel = 8 pixels
        PixelMask invalid = TestFlows.mask(20, 20, (x, y) -> x < 3 && y < 3 ? 0 : 1);
        FlowField flow =
                TestFlows.of(
                        20,
                        20,
                        (x, y) -> x == 1 && y == 1 ? Float.NaN : 0.5f,
                        (x, y) -> x == 1 && y == 1 ? Float.NaN : 0f);

        FlowTask task = FlowTask.builder(flow).invalid(invalid).points(8).build();

        assertThat(task.eligible()).isEqualTo(8);
        assertThat(task.queries())
                .allMatch(q -> q.x() < 3 && q.y() < 3)
                .noneMatch(q -> q.x() == 1 && q.y() == 1);
    }

    @Test
    void leavesOccludedPixelsOutByDefault() {
        PixelMask occluded = TestFlows.mask(20, 20, (x, y) -> x < 10 ? 1 : 0);

        FlowTask task = FlowTask.builder(SHRINK).occlusions(occluded).points(150).build();

        assertThat(task.eligible()).isEqualTo(200);
        assertThat(task.queries()).allMatch(q -> q.x() >= 10);
        assertThat(task.visible()).isEqualTo(150);
    }

    @Test
    void keepsOccludedPixelsAsNotVisibleWhenAsked() {
        PixelMask occluded = TestFlows.mask(20, 20, (x, y) -> x < 10 ? 1 : 0);

        FlowTask task =
                FlowTask.builder(SHRINK)
                        .occlusions(occluded)
                        .includeOccluded(true)
                        .points(400)
                        .build();

        assertThat(task.eligible()).isEqualTo(400);
        assertThat(task.visible()).isEqualTo(200);
        for (int i = 0; i < 400; i++) {
            assertThat(task.groundTruth().get(i).visible())
                    .isEqualTo(task.queries().get(i).x() >= 10);
        }
    }

    @Test
    void countsATargetOutsideTheFrameAsOccluded() {
        // x + 3 > 9.5 for x >= 7: those targets leave the 10-pixel-wide frame
        FlowField right = TestFlows.uniform(10, 4, 3f, 0f);

        FlowTask visibleOnly = FlowTask.builder(right).points(28).build();
        FlowTask all = FlowTask.builder(right).includeOccluded(true).points(40).build();

        assertThat(visibleOnly.eligible()).isEqualTo(28);
        assertThat(visibleOnly.queries()).allMatch(q -> q.x() < 7);
        assertThat(all.groundTruth())
                .allMatch(p -> p.visible() == (p.x() <= 9.5))
                .filteredOn(p -> !p.visible())
                .hasSize(12);
    }

    @Test
    void tooFewEligiblePixelsIsAnErrorSayingWhy() {
        PixelMask invalid = TestFlows.mask(10, 4, (x, y) -> x == 0 ? 1 : 0);
        FlowField right = TestFlows.uniform(10, 4, 3f, 0f);

        assertThatThrownBy(() -> FlowTask.builder(right).invalid(invalid).points(25).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "only 24 of 40 pixels are eligible for 25 points (0 have unknown flow,"
                                + " 4 are invalid, 12 are occluded or leave the frame)");
    }

    @Test
    void maskOfAnotherSizeIsAnError() {
        PixelMask small = TestFlows.mask(19, 20, (x, y) -> 0);

        assertThatThrownBy(() -> FlowTask.builder(SHRINK).occlusions(small).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("occlusion mask is 19x20 but the flow is 20x20");
    }

    @Test
    void writesTheFramesAsATaskThatReadsBack() {
        FlowTask task = FlowTask.builder(SHRINK).points(12).seed(2).build();

        Path out = write(task, "task");

        assertThat(QueriesCsv.read(out.resolve("queries.csv"))).isEqualTo(task.queries());
        assertThat(TracksCsv.read(out.resolve("gt.csv"))).hasSize(12);
        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(out.resolve("frames"))) {
            assertThat(frames.size()).isEqualTo(2);
            assertThat(frames.frame(0)).isEqualTo(frame(20, 20, 0));
            assertThat(frames.frame(1)).isEqualTo(frame(20, 20, 1));
        }
    }

    @Test
    void frameOfAnotherSizeIsAnErrorAndNothingIsWritten() {
        FlowTask task = FlowTask.builder(SHRINK).points(12).build();
        Path first = png(frame(20, 20, 0), "first.png");
        Path second = png(frame(20, 19, 1), "second.png");
        Path out = dir.resolve("task");

        assertThatThrownBy(() -> task.write(out, first, second))
                .isInstanceOf(TaskFormatException.class)
                .hasMessage(second + ": frame size 20x19 differs from the flow's 20x20");
        assertThat(out).doesNotExist();
    }

    private Path write(FlowTask task, String name) {
        Path out = dir.resolve(name);
        task.write(
                out,
                png(frame(task.width(), task.height(), 0), name + "-1.png"),
                png(frame(task.width(), task.height(), 1), name + "-2.png"));
        return out;
    }

    private Path png(RgbImage image, String name) {
        Path file = dir.resolve(name);
        ImageWriting.writePng(image, file);
        return file;
    }

    private static RgbImage frame(int width, int height, int seed) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7 + seed * 40);
        }
        return new RgbImage(width, height, rgb);
    }
}
