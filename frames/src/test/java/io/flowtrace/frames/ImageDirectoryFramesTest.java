package io.flowtrace.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDirectoryFramesTest {

    @TempDir Path dir;

    @Test
    void readsFramesInFileNameOrder() throws Exception {
        RgbImage first = TestImages.gradient(6, 4, 0);
        RgbImage second = TestImages.gradient(6, 4, 1);
        RgbImage third = TestImages.gradient(6, 4, 2);
        TestImages.png(third, dir, "010.png");
        TestImages.png(first, dir, "000.png");
        TestImages.png(second, dir, "001.PNG");
        Files.writeString(dir.resolve("notes.txt"), "not a frame");
        Files.writeString(dir.resolve(".hidden.png"), "not a frame either");

        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir)) {
            assertThat(frames.size()).isEqualTo(3);
            assertThat(frames.width()).isEqualTo(6);
            assertThat(frames.height()).isEqualTo(4);
            assertThat(frames.describe(1)).isEqualTo("001.PNG");
            assertThat(frames.frame(0)).isEqualTo(first);
            assertThat(frames.frame(1)).isEqualTo(second);
            assertThat(frames.frame(2)).isEqualTo(third);
            assertThat(frames.frame(0)).isEqualTo(first);
        }
    }

    @Test
    void readsJpegAndGrayPngAsRgb() {
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 8, 8, 0, filled(64, 90));
        BufferedImage color = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        color.getRaster().setSamples(0, 0, 8, 8, 0, filled(64, 200));
        TestImages.write(gray, "png", dir.resolve("a.png"));
        TestImages.write(color, "jpg", dir.resolve("b.JPEG"));

        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir)) {
            assertThat(frames.frame(0).get(3, 3, 0)).isEqualTo(90);
            assertThat(frames.frame(0).get(3, 3, 2)).isEqualTo(90);
            assertThat(frames.frame(1).get(3, 3, 0)).isBetween(190, 210);
            assertThat(frames.frame(1).get(3, 3, 2)).isBetween(0, 10);
        }
    }

    @Test
    void rejectsMissingDirectory() {
        Path missing = dir.resolve("frames");

        assertThatThrownBy(() -> ImageDirectoryFrames.open(missing))
                .isInstanceOf(FrameReadException.class)
                .hasMessage(missing + ": frame directory not found");
    }

    @Test
    void rejectsDirectoryWithoutFrames() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "x");

        assertThatThrownBy(() -> ImageDirectoryFrames.open(dir))
                .isInstanceOf(FrameReadException.class)
                .hasMessage(dir + ": no PNG or JPEG frames in directory");
    }

    @Test
    void rejectsFrameOfDifferentSizeWhenOpened() {
        TestImages.png(TestImages.gradient(6, 4, 0), dir, "000.png");
        Path odd = TestImages.png(TestImages.gradient(6, 5, 0), dir, "001.png");

        assertThatThrownBy(() -> ImageDirectoryFrames.open(dir))
                .isInstanceOf(FrameReadException.class)
                .hasMessage(odd + ": frame size 6x5 differs from 6x4 of the first frame 000.png");
    }

    @Test
    void rejectsFileThatIsNotAnImageWhenOpened() throws Exception {
        TestImages.png(TestImages.gradient(6, 4, 0), dir, "000.png");
        Path corrupt = Files.writeString(dir.resolve("001.png"), "definitely not a PNG");

        assertThatThrownBy(() -> ImageDirectoryFrames.open(dir))
                .isInstanceOf(FrameReadException.class)
                .hasMessageStartingWith(corrupt + ": ");
    }

    @Test
    void rejectsTruncatedImageWhenDecoded() throws Exception {
        TestImages.png(TestImages.gradient(6, 4, 0), dir, "000.png");
        Path whole = TestImages.png(TestImages.gradient(6, 4, 1), dir, "001.png");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(whole, Arrays.copyOf(bytes, 40));

        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir)) {
            assertThat(frames.frame(0).width()).isEqualTo(6);
            assertThatThrownBy(() -> frames.frame(1))
                    .isInstanceOf(FrameReadException.class)
                    .hasMessageStartingWith(whole + ": cannot decode image");
        }
    }

    @Test
    void rejectsIndexOutsideTheSequence() {
        TestImages.png(TestImages.gradient(6, 4, 0), dir, "000.png");

        try (ImageDirectoryFrames frames = ImageDirectoryFrames.open(dir)) {
            assertThatThrownBy(() -> frames.frame(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static int[] filled(int count, int value) {
        int[] samples = new int[count];
        Arrays.fill(samples, value);
        return samples;
    }
}
