package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowField;
import io.flowtrace.frames.ImageReading;
import io.flowtrace.inference.RgbImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowPictureCommandTest {

    @TempDir Path dir;

    @Test
    void drawsStillPixelsWhiteUnknownBlackAndMotionInColour() {
        // pixels: still, unknown, 4 px right, 8 px right
        Path flow = dir.resolve("flow.flo");
        FloFile.write(
                new FlowField(
                        4, 1, new float[] {0, Float.NaN, 4, 8}, new float[] {0, Float.NaN, 0, 0}),
                flow);
        Path out = dir.resolve("flow.png");

        CommandRun run =
                CommandRun.of(
                        "picture", "flow", "--flow", flow.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("wrote a 4x1 flow picture to " + out + " (max radius 8.00 px)\n");
        RgbImage picture = ImageReading.readRgb(out);
        assertThat(rgb(picture, 0)).containsExactly(255, 255, 255);
        assertThat(rgb(picture, 1)).containsExactly(0, 0, 0);
        assertThat(rgb(picture, 2)).containsExactly(255, 127, 127);
        assertThat(rgb(picture, 3)).containsExactly(255, 0, 0);
    }

    @Test
    void maxRadiusOptionSetsTheScale() {
        Path flow = dir.resolve("flow.flo");
        FloFile.write(new FlowField(1, 1, new float[] {4}, new float[] {0}), flow);
        Path out = dir.resolve("flow.png");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "flow",
                        "--flow",
                        flow.toString(),
                        "--out",
                        out.toString(),
                        "--max-radius",
                        "8");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rgb(ImageReading.readRgb(out), 0)).containsExactly(255, 127, 127);
    }

    @Test
    void missingFlowFileIsAnInputError() {
        Path flow = dir.resolve("absent.flo");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "flow",
                        "--flow",
                        flow.toString(),
                        "--out",
                        dir.resolve("x.png").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(flow + ": file not found");
    }

    private static int[] rgb(RgbImage image, int x) {
        return new int[] {image.get(x, 0, 0), image.get(x, 0, 1), image.get(x, 0, 2)};
    }
}
