package io.flowtrace.cli.baseline;

import io.flowtrace.inference.RgbImage;
import java.util.Random;

/**
 * A smooth random colour texture (per channel a sum of sinusoids of random direction and 6-30 px
 * wavelength) rendered at any sub-pixel shift, so that a pair of frames has a known, exact flow.
 */
public final class ShiftedTexture {

    private static final int WAVES = 12;
    private static final double AMPLITUDE = 9;

    /** Per channel and wave: wave vector (kx, ky) and phase. */
    private final double[][] waves = new double[3 * WAVES][3];

    public ShiftedTexture(long seed) {
        Random random = new Random(seed);
        for (double[] wave : waves) {
            double wavelength = 6 + 24 * random.nextDouble();
            double direction = 2 * Math.PI * random.nextDouble();
            wave[0] = 2 * Math.PI / wavelength * Math.cos(direction);
            wave[1] = 2 * Math.PI / wavelength * Math.sin(direction);
            wave[2] = 2 * Math.PI * random.nextDouble();
        }
    }

    /** The texture moved by (dx, dy): pixel (x, y) shows what (x - dx, y - dy) shows unmoved. */
    public RgbImage frame(int width, int height, double dx, double dy) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    double value = 128;
                    for (int w = c * WAVES; w < (c + 1) * WAVES; w++) {
                        double[] wave = waves[w];
                        value +=
                                AMPLITUDE
                                        * Math.sin(
                                                wave[0] * (x - dx) + wave[1] * (y - dy) + wave[2]);
                    }
                    rgb[(y * width + x) * 3 + c] = (byte) Math.round(value);
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
