package io.flowtrace.cli.picture;

import io.flowtrace.frames.ImageWriting;
import io.flowtrace.frames.RgbImages;
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
