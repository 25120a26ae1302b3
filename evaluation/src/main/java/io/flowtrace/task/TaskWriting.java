package io.flowtrace.task;

import io.flowtrace.frames.ImageWriting;
import io.flowtrace.inference.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Writes a task directory: {@code frames/000.png, ...}, {@code queries.csv} and {@code gt.csv}. */
public final class TaskWriting {

    private TaskWriting() {}

    /**
     * Writes {@code frames} as PNGs numbered from 000 (more digits when needed), then the queries
     * and ground truth, creating {@code dir} if needed.
     *
     * @throws IllegalStateException when {@code dir/frames} already holds files, which would mix
     *     with these frames
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void write(
            Path dir, List<RgbImage> frames, List<Query> queries, List<TrackPoint> groundTruth) {
        Path framesDir = dir.resolve("frames");
        checkNoFrames(framesDir);
        int digits = Math.max(3, Integer.toString(frames.size() - 1).length());
        for (int t = 0; t < frames.size(); t++) {
            String name = String.format(Locale.ROOT, "%0" + digits + "d.png", t);
            ImageWriting.writePng(frames.get(t), framesDir.resolve(name));
        }
        QueriesCsv.write(dir.resolve("queries.csv"), queries);
        TracksCsv.write(dir.resolve("gt.csv"), groundTruth);
    }

    private static void checkNoFrames(Path framesDir) {
        if (!Files.isDirectory(framesDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(framesDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(
                        "frame directory "
                                + framesDir
                                + " is not empty; write to a new task directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + framesDir, e);
        }
    }
}
