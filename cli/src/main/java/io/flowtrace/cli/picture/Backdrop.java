package io.flowtrace.cli.picture;

import io.flowtrace.frames.RgbImages;
import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Frames as the pictures draw them, under the marks. */
final class Backdrop {

    private Backdrop() {}

    /**
     * The frame in grey (Rec. 601 luma) scaled by {@code brightness}, so that colours drawn over it
     * (heat, error ramps) are the only colours in the picture.
     */
    static BufferedImage grey(RgbImage frame, double brightness) {
        BufferedImage out =
                new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < pixels.length; i++) {
            double luma =
                    0.299 * (rgb[3 * i] & 0xFF)
                            + 0.587 * (rgb[3 * i + 1] & 0xFF)
                            + 0.114 * (rgb[3 * i + 2] & 0xFF);
            int v = (int) Math.min(255, Math.round(luma * brightness));
            pixels[i] = (v << 16) | (v << 8) | v;
        }
        return out;
    }

    /** The frame in colour. */
    static BufferedImage colour(RgbImage frame) {
        return RgbImages.toBufferedImage(frame);
    }
}
