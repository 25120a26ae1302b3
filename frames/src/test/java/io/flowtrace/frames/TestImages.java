package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test helper: small images with known pixels. */
final class TestImages {

    private TestImages() {}

    /** A width x height image whose pixel (x, y) is (x*10 + seed, y*10 + seed, x + y). */
    static RgbImage gradient(int width, int height, int seed) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 10 + seed);
                rgb[i + 1] = (byte) (y * 10 + seed);
                rgb[i + 2] = (byte) (x + y);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /** Writes {@code image} with ImageIO in {@code format} ("png", "jpg"). */
    static Path write(BufferedImage image, String format, Path file) {
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@code image} as a PNG to {@code dir/name}. */
    static Path png(RgbImage image, Path dir, String name) {
        return write(RgbImages.toBufferedImage(image), "png", dir.resolve(name));
    }
}
