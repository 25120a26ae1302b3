package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Frames stored as PNG or JPEG files in one directory, in file-name order. Sizes are checked from
 * the image headers when opened; pixels are decoded lazily and the last few frames are cached.
 */
public final class ImageDirectoryFrames implements FrameSequence {

    private static final int CACHED_FRAMES = 4;

    private final Path dir;
    private final List<Path> files;
    private final int width;
    private final int height;
    private final Map<Integer, RgbImage> cache = new LinkedHashMap<>(8, 0.75f, true);

    private ImageDirectoryFrames(Path dir, List<Path> files, int width, int height) {
        this.dir = dir;
        this.files = files;
        this.width = width;
        this.height = height;
    }

    /**
     * Lists the {@code *.png}, {@code *.jpg} and {@code *.jpeg} files (any case, hidden files
     * skipped) of {@code dir} and checks that all are readable images of one size.
     *
     * @throws FrameReadException when the directory is missing or has no frames, or a frame's size
     *     differs from the first frame's
     * @throws FrameReadException when a frame's header cannot be read
     */
    public static ImageDirectoryFrames open(Path dir) {
        List<Path> files = listFrames(dir);
        ImageSize first = ImageSize.read(files.get(0));
        for (Path file : files.subList(1, files.size())) {
            ImageSize size = ImageSize.read(file);
            if (!size.equals(first)) {
                throw new FrameReadException(
                        file,
                        "frame size "
                                + size
                                + " differs from "
                                + first
                                + " of the first frame "
                                + files.get(0).getFileName());
            }
        }
        return new ImageDirectoryFrames(dir, files, first.width(), first.height());
    }

    private static List<Path> listFrames(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FrameReadException(dir, "frame directory not found");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files =
                    entries.filter(ImageDirectoryFrames::isFrameFile)
                            .sorted((a, b) -> name(a).compareTo(name(b)))
                            .toList();
        } catch (IOException e) {
            throw new FrameReadException(dir, "cannot list frames: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new FrameReadException(dir, "no PNG or JPEG frames in directory");
        }
        return files;
    }

    private static boolean isFrameFile(Path file) {
        String name = name(file).toLowerCase(Locale.ROOT);
        return !name.startsWith(".")
                && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))
                && Files.isRegularFile(file);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** The directory the frames were listed from. */
    public Path directory() {
        return dir;
    }

    @Override
    public synchronized RgbImage frame(int index) {
        Objects.checkIndex(index, files.size());
        RgbImage cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        RgbImage image = decode(files.get(index));
        cache.put(index, image);
        if (cache.size() > CACHED_FRAMES) {
            cache.remove(cache.keySet().iterator().next());
        }
        return image;
    }

    private RgbImage decode(Path file) {
        BufferedImage image = ImageReading.read(file);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new FrameReadException(
                    file,
                    "decoded size "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " differs from header size "
                            + width
                            + "x"
                            + height);
        }
        return RgbImages.fromBufferedImage(image);
    }

    @Override
    public String describe(int index) {
        Objects.checkIndex(index, files.size());
        return name(files.get(index));
    }

    @Override
    public synchronized void close() {
        cache.clear();
    }

    @Override
    public String toString() {
        return "ImageDirectoryFrames["
                + dir
                + ", "
                + size()
                + " frames "
                + width
                + "x"
                + height
                + "]";
    }
}
