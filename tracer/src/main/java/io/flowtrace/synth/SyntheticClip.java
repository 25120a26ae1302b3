package io.flowtrace.synth;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.ImageWriting;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A generated clip: its frames, queries on frame 0, and the exact ground truth of every query in
 * every other frame (rows ordered by query id, then frame).
 */
public record SyntheticClip(
        List<RgbImage> frames, List<Query> queries, List<TrackPoint> groundTruth, SceneSpec spec) {

    public SyntheticClip {
        frames = List.copyOf(frames);
        queries = List.copyOf(queries);
        groundTruth = List.copyOf(groundTruth);
        Objects.requireNonNull(spec, "spec");
    }

    /** Generates the clip {@code spec} describes; the same spec always gives the same clip. */
    public static SyntheticClip generate(SceneSpec spec) {
        return ClipBuilder.build(spec, SceneFactory.create(spec));
    }

    /**
     * Writes the clip as a task directory: {@code frames/000.png}, ..., {@code queries.csv} and
     * {@code gt.csv}, creating {@code dir} if needed.
     *
     * @throws IllegalStateException when {@code dir/frames} already holds files, which would mix
     *     with these frames
     * @throws UncheckedIOException when a file cannot be written
     */
    public void writeTask(Path dir) {
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

    @Override
    public String toString() {
        return "SyntheticClip["
                + spec
                + ", "
                + frames.size()
                + " frames, "
                + queries.size()
                + " queries, "
                + groundTruth.size()
                + " ground-truth rows]";
    }
}
