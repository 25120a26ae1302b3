package io.flowtrace.cli.picture;

import io.flowtrace.task.ImageWriting;
import io.flowtrace.task.RgbImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Writes pictures as PNG files. */
final class PngFiles {

    private PngFiles() {}

    /** Atomically replaces {@code file} with {@code picture}; returns {@code file}. */
    static Path write(BufferedImage picture, Path file) {
        ImageWriting.writePng(RgbImages.fromBufferedImage(picture), file);
        return file;
    }
}
