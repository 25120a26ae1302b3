package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/** Converts between {@link BufferedImage} (any type ImageIO produces) and {@link RgbImage}. */
public final class RgbImages {

    private RgbImages() {}

    /**
     * The image's colours as 8-bit RGB; alpha is dropped. Gray images keep their stored values
     * (Java2D would otherwise treat 8-bit gray as linear and brighten it).
     */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        if (isRgb8(image)) {
            copyRgbSamples(image.getRaster(), rgb);
        } else if (isGray(image)) {
            copyGray(image.getRaster(), rgb);
        } else {
            copyArgb(image, rgb);
        }
        return new RgbImage(width, height, rgb);
    }

    /** An image of type {@code TYPE_3BYTE_BGR} holding the same pixels. */
    public static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage out =
                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return out;
    }

    /** True for 8-bit sRGB component images (what PNG and JPEG decoding usually produce). */
    private static boolean isRgb8(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().isCS_sRGB()
                && !model.isAlphaPremultiplied()
                && image.getRaster().getNumBands() >= 3
                && image.getSampleModel().getSampleSize(0) == 8;
    }

    private static void copyRgbSamples(Raster raster, byte[] rgb) {
        // Samples come in band order (r, g, b[, a]) whatever the byte layout in memory.
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) row[x * bands];
                rgb[i + 1] = (byte) row[x * bands + 1];
                rgb[i + 2] = (byte) row[x * bands + 2];
            }
        }
    }

    private static boolean isGray(BufferedImage image) {
        return image.getColorModel() instanceof ComponentColorModel model
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    private static void copyGray(Raster raster, byte[] rgb) {
        int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int width = raster.getWidth();
        int[] samples = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, width, 1, 0, samples);
            for (int x = 0; x < width; x++) {
                byte value = (byte) ((samples[x] * 255 + max / 2) / max);
                int i = (y * width + x) * 3;
                rgb[i] = value;
                rgb[i + 1] = value;
                rgb[i + 2] = value;
            }
        }
    }

    private static void copyArgb(BufferedImage image, byte[] rgb) {
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (row[x] >> 16);
                rgb[i + 1] = (byte) (row[x] >> 8);
                rgb[i + 2] = (byte) row[x];
            }
        }
    }
}
