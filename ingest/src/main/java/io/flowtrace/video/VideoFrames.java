package io.flowtrace.video;

import io.flowtrace.frames.FrameReadException;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The frames of a video file, decoded with FFmpeg when opened and held in memory, so it suits clips
 * rather than long recordings.
 */
public final class VideoFrames implements FrameSequence {

    private final Path file;
    private final List<RgbImage> frames;

    private VideoFrames(Path file, List<RgbImage> frames) {
        this.file = file;
        this.frames = frames;
    }

    /**
     * Decodes every frame of {@code file} to 8-bit RGB.
     *
     * @throws FrameReadException naming the file when it is missing, cannot be opened or decoded,
     *     has no video frames, or changes frame size part way through
     */
    public static VideoFrames open(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new FrameReadException(file, "video file not found");
        }
        List<RgbImage> frames = VideoDecoding.decodeAll(file);
        if (frames.isEmpty()) {
            throw new FrameReadException(file, "no video frames could be decoded");
        }
        return new VideoFrames(file, frames);
    }

    /** The video file. */
    public Path file() {
        return file;
    }

    @Override
    public int size() {
        return frames.size();
    }

    @Override
    public int width() {
        return frames.get(0).width();
    }

    @Override
    public int height() {
        return frames.get(0).height();
    }

    @Override
    public RgbImage frame(int index) {
        Objects.checkIndex(index, frames.size());
        return frames.get(index);
    }

    @Override
    public String describe(int index) {
        return file.getFileName() + " frame " + index;
    }

    @Override
    public void close() {
        // Everything was decoded and released in open().
    }
}
