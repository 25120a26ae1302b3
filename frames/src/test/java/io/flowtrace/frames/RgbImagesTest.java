package io.flowtrace.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.api.Test;

class RgbImagesTest {

    @Test
    void roundTripsThroughBufferedImage() {
        RgbImage image = TestImages.gradient(7, 5, 3);

        assertThat(RgbImages.fromBufferedImage(RgbImages.toBufferedImage(image))).isEqualTo(image);
    }

    @Test
    void keepsStoredValuesOfEightBitGray() {
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        gray.getRaster().setSample(1, 0, 0, 255);

        RgbImage rgb = RgbImages.fromBufferedImage(gray);

        assertThat(pixel(rgb, 0, 0)).containsExactly(100, 100, 100);
        assertThat(pixel(rgb, 1, 0)).containsExactly(255, 255, 255);
    }

    @Test
    void scalesSixteenBitGrayToEightBits() {
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray.getRaster().setSample(0, 0, 0, 0x8080);

        assertThat(pixel(RgbImages.fromBufferedImage(gray), 0, 0)).containsExactly(128, 128, 128);
    }

    @Test
    void expandsPalette() {
        byte[] reds = {0, (byte) 200};
        byte[] greens = {0, 50};
        byte[] blues = {0, 25};
        IndexColorModel palette = new IndexColorModel(1, 2, reds, greens, blues);
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        indexed.getRaster().setSample(1, 0, 0, 1);

        RgbImage rgb = RgbImages.fromBufferedImage(indexed);

        assertThat(pixel(rgb, 0, 0)).containsExactly(0, 0, 0);
        assertThat(pixel(rgb, 1, 0)).containsExactly(200, 50, 25);
    }

    @Test
    void dropsAlpha() {
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x40_0A_14_1E);

        assertThat(pixel(RgbImages.fromBufferedImage(argb), 0, 0)).containsExactly(10, 20, 30);
    }

    private static int[] pixel(RgbImage image, int x, int y) {
        return new int[] {image.get(x, y, 0), image.get(x, y, 1), image.get(x, y, 2)};
    }
}
