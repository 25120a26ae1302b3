package io.flowtrace.flow;

import io.flowtrace.frames.FrameReadException;
import io.flowtrace.frames.ImageReading;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A per-pixel yes/no mask, such as Sintel's {@code occlusions/} and {@code invalid/} images, where
 * a non-zero pixel means "set".
 */
public final class PixelMask {

    private final int width;
    private final int height;
    private final boolean[] set;

    private PixelMask(int width, int height, boolean[] set) {
        this.width = width;
        this.height = height;
        this.set = set;
    }

    /**
     * A mask of the given size whose pixel (x, y) is {@code set[y * width + x]}; the array is
     * copied.
     */
    public static PixelMask of(int width, int height, boolean[] set) {
        Objects.requireNonNull(set, "set");
        if (width <= 0 || height <= 0 || set.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "a "
                            + width
                            + "x"
                            + height
                            + " mask needs a positive size and that many values, got "
                            + set.length);
        }
        return new PixelMask(width, height, set.clone());
    }

    /**
     * The mask in image {@code file} (8-bit gray PNG as Sintel ships, or any image ImageIO reads):
     * a pixel is set when any of its colour samples is non-zero; alpha is ignored.
     *
     * @throws FlowFormatException naming the file when its size is not {@code width x height}
     * @throws FrameReadException naming the file when it is missing or not a readable image
     */
    public static PixelMask read(Path file, int width, int height) {
        BufferedImage image = ImageReading.read(file);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new FlowFormatException(
                    file,
                    "mask size "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " differs from the flow's "
                            + width
                            + "x"
                            + height);
        }
        Raster raster = image.getRaster();
        // Indexed images have one band of palette indices: a non-zero index counts as set.
        int bands = Math.min(raster.getNumBands(), image.getColorModel().getNumColorComponents());
        boolean[] set = new boolean[width * height];
        int[] row = new int[width];
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, b, row);
                for (int x = 0; x < width; x++) {
                    set[y * width + x] |= row[x] != 0;
                }
            }
        }
        return new PixelMask(width, height, set);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether pixel (x, y) is set. */
    public boolean get(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return set[y * width + x];
    }

    /** How many pixels are set. */
    public int count() {
        int count = 0;
        for (boolean s : set) {
            count += s ? 1 : 0;
        }
        return count;
    }

    @Override
    public String toString() {
        return "PixelMask[" + width + "x" + height + ", " + count() + " set]";
    }
}
