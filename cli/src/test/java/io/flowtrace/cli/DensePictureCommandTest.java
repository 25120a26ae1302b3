package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.cli.baseline.ShiftedTexture;
import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowField;
import io.flowtrace.frames.ImageWriting;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensePictureCommandTest {

    @TempDir Path dir;

    private Path[] shiftedPair(double dx, double dy) {
        ShiftedTexture texture = new ShiftedTexture(5);
        Path f1 = dir.resolve("a.png");
        Path f2 = dir.resolve("b.png");
        ImageWriting.writePng(texture.frame(96, 64, 0, 0), f1);
        ImageWriting.writePng(texture.frame(96, 64, dx, dy), f2);
        float[] u = new float[96 * 64];
        float[] v = new float[96 * 64];
        Arrays.fill(u, (float) dx);
        Arrays.fill(v, (float) dy);
        Path flo = dir.resolve("gt.flo");
        FloFile.write(new FlowField(96, 64, u, v), flo);
        return new Path[] {f1, f2, flo};
    }

    @Test
    void drawsEveryMethodBesideTheTruthAndReportsSmallErrorsOnAShift() throws Exception {
        Path[] pair = shiftedPair(3, -2);
        Path out = dir.resolve("view.png");

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "dense",
                        "--frame1",
                        pair[0].toString(),
                        "--frame2",
                        pair[1].toString(),
                        "--flow",
                        pair[2].toString(),
                        "--methods",
                        "dis,farneback,lk",
                        "--grid",
                        "16",
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage sheet = ImageIO.read(out.toFile());
        assertThat(sheet).isNotNull();
        // 5 panels, 3 per row: two rows, wider than tall
        assertThat(sheet.getWidth()).isGreaterThan(sheet.getHeight());
        for (String method :
                new String[] {"dis", "farneback", "lk \\(grid 16 px, [0-9]+% occluded\\)"}) {
            Matcher m = Pattern.compile(method + "\\s+EPE\\s+([0-9.]+) px").matcher(run.out());
            assertThat(m.find()).as(method + " in " + run.out()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(method).isLessThan(1.5);
        }
    }

    @Test
    void rejectsAFlowOfAnotherSizeNamingIt() {
        Path[] pair = shiftedPair(1, 1);
        Path small = dir.resolve("small.flo");
        FloFile.write(FlowField.unknown(10, 10), small);

        CommandRun run =
                CommandRun.of(
                        "picture",
                        "dense",
                        "--frame1",
                        pair[0].toString(),
                        "--frame2",
                        pair[1].toString(),
                        "--flow",
                        small.toString(),
                        "--methods",
                        "dis",
                        "--out",
                        dir.resolve("v.png").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("small.flo").contains("10x10");
    }
}
