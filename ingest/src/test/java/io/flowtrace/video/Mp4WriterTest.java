package io.flowtrace.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4WriterTest {

    @TempDir Path dir;

    private static BufferedImage picture(int w, int h, Color colour) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    @Test
    void writesH264InYuv420pPaddedToEvenSize() throws Exception {
        Path file = dir.resolve("clip.mp4");

        try (Mp4Writer writer = Mp4Writer.open(file, 65, 47, 10)) {
            writer.write(picture(65, 47, Color.RED), 3);
            writer.write(picture(65, 47, Color.BLUE), 2);
            writer.finish();
        }

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(
                            grabber.getFormatContext()
                                    .streams(grabber.getVideoStream())
                                    .codecpar()
                                    .format())
                    .isEqualTo(avutil.AV_PIX_FMT_YUV420P);
            assertThat(grabber.getImageWidth()).isEqualTo(66);
            assertThat(grabber.getImageHeight()).isEqualTo(48);
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(5);
        }
    }

    @Test
    void closingWithoutFinishingLeavesNoFile() throws IOException {
        Path file = dir.resolve("unfinished.mp4");

        try (Mp4Writer writer = Mp4Writer.open(file, 32, 32, 5)) {
            writer.write(picture(32, 32, Color.GREEN), 1);
        }

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
