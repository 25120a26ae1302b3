package io.flowtrace.inference;

import java.util.Objects;

/**
 * An 8-bit RGB image, row-major and channel-interleaved ({@code r, g, b} per pixel).
 *
 * <p>The pixel array is owned by the image; callers must not modify it after construction.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "image size must be positive, was " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "expected "
                            + (width * height * 3)
                            + " bytes for a "
                            + width
                            + "x"
                            + height
                            + " RGB image, got "
                            + rgb.length);
        }
    }

    /** A black image of the given size. */
    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new byte[width * height * 3]);
    }

    /** Channel {@code c} (0 = red, 1 = green, 2 = blue) of pixel (x, y), in 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** True when both images have the same size. */
    public boolean sameSizeAs(RgbImage other) {
        return width == other.width && height == other.height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other
                && width == other.width
                && height == other.height
                && java.util.Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
