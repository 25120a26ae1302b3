package io.flowtrace.tracer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static RgbImage random(int w, int h, long seed) {
        byte[] px = new byte[w * h * 3];
        new Random(seed).nextBytes(px);
        return new RgbImage(w, h, px);
    }

    @Test
    void squishOfACropSizedImageReturnsItUnchanged() {
        RgbImage img = random(256, 256, 1);

        assertThat(Resampler.crop(img, CropWindow.squish(256, 256))).isEqualTo(img);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        int w = 512;
        byte[] px = new byte[w * w * 3];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                // 2x2 blocks of constant value: block index parity
                int v = ((x / 2) + (y / 2)) % 2 == 0 ? 40 : 200;
                for (int c = 0; c < 3; c++) {
                    px[(y * w + x) * 3 + c] = (byte) v;
                }
            }
        }
        RgbImage out = Resampler.crop(new RgbImage(w, w, px), CropWindow.squish(w, w));

        for (int y = 0; y < 256; y += 17) {
            for (int x = 0; x < 256; x += 13) {
                int expected = (x + y) % 2 == 0 ? 40 : 200;
                assertThat(out.get(x, y, 1)).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void integerOffsetWindowCopiesPixels() {
        RgbImage img = random(400, 300, 2);
        CropWindow window = new CropWindow(99.5, 19.5, 256, 256, 256);

        RgbImage out = Resampler.crop(img, window);

        assertThat(out.get(0, 0, 0)).isEqualTo(img.get(100, 20, 0));
        assertThat(out.get(255, 255, 2)).isEqualTo(img.get(355, 275, 2));
        assertThat(out.get(31, 7, 1)).isEqualTo(img.get(131, 27, 1));
    }
}
