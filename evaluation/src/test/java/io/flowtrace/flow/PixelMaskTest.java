package io.flowtrace.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.frames.FrameReadException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelMaskTest {

    @TempDir Path dir;

    @Test
    void nonZeroGrayPixelsAreSet() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 255);
        image.getRaster().setSample(2, 1, 0, 1);
        Path file = dir.resolve("mask.png");
        ImageIO.write(image, "png", file.toFile());

        PixelMask mask = PixelMask.read(file, 3, 2);

        assertThat(mask.count()).isEqualTo(2);
        assertThat(mask.get(0, 0)).isTrue();
        assertThat(mask.get(2, 1)).isTrue();
        assertThat(mask.get(1, 0)).isFalse();
    }

    @Test
    void anyNonZeroColourChannelSetsAnRgbPixel() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0x000100);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(image, "png", file.toFile());

        PixelMask mask = PixelMask.read(file, 2, 1);

        assertThat(mask.get(0, 0)).isFalse();
        assertThat(mask.get(1, 0)).isTrue();
    }

    @Test
    void sizeOtherThanTheFlowsIsAnErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("mask.png");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());

        assertThatThrownBy(() -> PixelMask.read(file, 4, 2))
                .isInstanceOf(FlowFormatException.class)
                .hasMessage(file + ": mask size 3x2 differs from the flow's 4x2");
    }

    @Test
    void unreadableImageIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("mask.png"), "not a png");

        assertThatThrownBy(() -> PixelMask.read(file, 4, 2))
                .isInstanceOf(FrameReadException.class)
                .hasMessageStartingWith(file.toString());
    }
}
