package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads single PNG or JPEG files. */
public final class ImageReading {

    private ImageReading() {}

    /**
     * The decoded image in {@code file}, as ImageIO produced it.
     *
     * @throws FrameReadException naming the file when it is missing or not a readable image
     */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FrameReadException(file, "file not found");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new FrameReadException(file, "cannot decode image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new FrameReadException(file, "not a readable PNG or JPEG image");
        }
        return image;
    }

    /**
     * The 8-bit RGB colours of the image in {@code file}.
     *
     * @throws FrameReadException naming the file when it is missing or not a readable image
     */
    public static RgbImage readRgb(Path file) {
        return RgbImages.fromBufferedImage(read(file));
    }
}
