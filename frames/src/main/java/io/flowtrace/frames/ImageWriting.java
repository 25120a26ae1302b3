package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes {@link RgbImage}s as PNG files. */
public final class ImageWriting {

    private ImageWriting() {}

    /** Atomically replaces {@code file} with a lossless 8-bit RGB PNG of {@code image}. */
    public static void writePng(RgbImage image, Path file) {
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(RgbImages.toBufferedImage(image), "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
    }
}
