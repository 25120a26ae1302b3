package io.flowtrace.frames;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's size, read from its header without decoding pixels. */
record ImageSize(int width, int height) {

    /**
     * The size of the first image in {@code file}.
     *
     * @throws FrameReadException when no ImageIO reader understands the file or its header is bad
     */
    static ImageSize read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new FrameReadException(file, "cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new FrameReadException(file, "not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (FrameReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FrameReadException(file, "cannot read image header: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
