package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaussianDotTest {

    private static RgbImage grey(int value) {
        byte[] px = new byte[32 * 32 * 3];
        java.util.Arrays.fill(px, (byte) value);
        return new RgbImage(32, 32, px);
    }

    @Test
    void addsTheGaussianValueAtKnownOffsets() {
        RgbImage out = GaussianDot.apply(grey(0), 16, 16, 2.0, 255);

        // 255 * exp(-r^2 / 8), rounded half up
        assertThat(out.get(16, 16, 0)).isEqualTo(255);
        assertThat(out.get(18, 16, 1)).isEqualTo(155); // r^2 = 4: 154.66
        assertThat(out.get(16, 20, 2)).isEqualTo(35); // r^2 = 16: 34.51
        assertThat(out.get(18, 18, 0)).isEqualTo(94); // r^2 = 8: 93.81
        assertThat(out.get(22, 16, 0)).isEqualTo(3); // r^2 = 36: 2.83
    }

    @Test
    void clipsAtWhite() {
        RgbImage out = GaussianDot.apply(grey(200), 16, 16, 2.0, 255);

        assertThat(out.get(16, 16, 0)).isEqualTo(255);
        assertThat(out.get(18, 16, 0)).isEqualTo(255);
        assertThat(out.get(16, 20, 0)).isEqualTo(235);
    }

    @Test
    void acceptsSubPixelCentres() {
        RgbImage out = GaussianDot.apply(grey(0), 16.5, 16, 2.0, 255);

        // pixels 16 and 17 are equally far from x = 16.5
        assertThat(out.get(16, 16, 0)).isEqualTo(out.get(17, 16, 0)).isEqualTo(247);
    }

    @Test
    void leavesPixelsOutsideTheSupportUnchanged() {
        RgbImage in = grey(10);
        RgbImage out = GaussianDot.apply(in, 16, 16, 2.0, 255);
        int radius = GaussianDot.supportRadius(2.0, 255);

        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (Math.hypot(x - 16, y - 16) > radius) {
                    assertThat(out.get(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(10);
                }
            }
        }
    }

    @Test
    void zeroAmplitudeChangesNothing() {
        RgbImage in = grey(77);

        assertThat(GaussianDot.apply(in, 16, 16, 2.0, 0)).isEqualTo(in);
    }

    @Test
    void dotNearTheBorderIsClippedToTheImage() {
        RgbImage out = GaussianDot.apply(grey(0), 0, 31, 2.0, 255);

        assertThat(out.get(0, 31, 0)).isEqualTo(255);
        assertThat(out.get(2, 31, 0)).isEqualTo(155);
    }

    @Test
    void theChangedPixelsAreExactlyThoseApplyChanges() {
        java.util.Random random = new java.util.Random(5);
        byte[] rgb = new byte[32 * 32 * 3];
        for (int i = 0; i < rgb.length; i++) { // a third of the bytes saturated already
            rgb[i] = random.nextInt(3) == 0 ? (byte) 255 : (byte) random.nextInt(256);
        }
        RgbImage in = new RgbImage(32, 32, rgb);
        for (double[] dot :
                new double[][] {{16, 16, 2, 255}, {0.5, 31, 3, 40}, {10.3, 7.7, 1, 0.6}}) {
            RgbImage out = GaussianDot.apply(in, dot[0], dot[1], dot[2], dot[3]);
            java.util.Set<Integer> expected = new java.util.HashSet<>();
            for (int v = 0; v < 32; v++) {
                for (int u = 0; u < 32; u++) {
                    for (int c = 0; c < 3; c++) {
                        if (out.get(u, v, c) != in.get(u, v, c)) {
                            expected.add(v * 32 + u);
                        }
                    }
                }
            }
            java.util.Set<Integer> visited = new java.util.HashSet<>();

            GaussianDot.forEachChangedPixel(
                    in, dot[0], dot[1], dot[2], dot[3], (u, v) -> visited.add(v * 32 + u));

            assertThat(visited).isEqualTo(expected);
        }
    }
}
