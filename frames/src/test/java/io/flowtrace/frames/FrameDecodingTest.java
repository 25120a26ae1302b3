package io.flowtrace.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FrameDecodingTest {

    private static final RgbImage GRADIENT = gradient(24, 16);

    @Test
    void decodesPngAndRgb24ToTheSamePixels() throws Exception {
        Frame png = frame(FrameEncoding.PNG, 24, 16, encode(GRADIENT, "png"));
        Frame raw = frame(FrameEncoding.RGB24, 24, 16, GRADIENT.rgb());

        assertThat(FrameDecoding.decode(png)).isEqualTo(GRADIENT);
        assertThat(FrameDecoding.decode(raw)).isEqualTo(GRADIENT);
    }

    @Test
    void decodesJpegApproximately() throws Exception {
        RgbImage decoded =
                FrameDecoding.decode(frame(FrameEncoding.JPEG, 24, 16, encode(GRADIENT, "jpg")));

        assertThat(decoded.width()).isEqualTo(24);
        assertThat(Math.abs(decoded.get(12, 8, 0) - GRADIENT.get(12, 8, 0))).isLessThan(16);
    }

    @Test
    void leavesTheFramesBufferUntouched() {
        Frame raw = frame(FrameEncoding.RGB24, 24, 16, GRADIENT.rgb());
        int before = raw.getData().remaining();

        FrameDecoding.decode(raw);

        assertThat(raw.getData().remaining()).isEqualTo(before);
    }

    @Test
    void tellsUndecodableBytesFromFramesOfTheWrongSize() throws Exception {
        assertThatThrownBy(
                        () -> FrameDecoding.decode(frame(FrameEncoding.JPEG, 24, 16, new byte[10])))
                .isInstanceOfSatisfying(
                        FrameDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNDECODABLE))
                .hasMessageStartingWith("camera c frame 3: ");
        assertThatThrownBy(
                        () ->
                                FrameDecoding.decode(
                                        frame(FrameEncoding.PNG, 20, 16, encode(GRADIENT, "png"))))
                .isInstanceOfSatisfying(
                        FrameDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.BAD_FRAME))
                .hasMessage("camera c frame 3: decoded 24x16 but the frame says 20x16");
        assertThatThrownBy(
                        () -> FrameDecoding.decode(frame(FrameEncoding.RGB24, 24, 16, new byte[5])))
                .hasMessage("camera c frame 3: RGB24 24x16 needs 1152 bytes, got 5");
    }

    private static Frame frame(FrameEncoding encoding, int width, int height, byte[] data) {
        return new Frame(
                "c", 3L, Instant.EPOCH, width, height, encoding, ByteBuffer.wrap(data), null);
    }

    private static byte[] encode(RgbImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(RgbImages.toBufferedImage(image), format, out);
        return out.toByteArray();
    }

    private static RgbImage gradient(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 10);
                rgb[i + 1] = (byte) (y * 15);
                rgb[i + 2] = (byte) 128;
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
