package io.flowtrace.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.RgbImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWritingTest {

    @TempDir Path dir;

    @Test
    void writesLosslessPng() throws Exception {
        RgbImage image = TestImages.gradient(9, 4, 1);
        Path file = dir.resolve("frames/000.png");

        ImageWriting.writePng(image, file);

        assertThat(RgbImages.fromBufferedImage(ImageIO.read(file.toFile()))).isEqualTo(image);
    }
}
