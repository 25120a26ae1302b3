package io.flowtrace.synth;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskWriting;
import io.flowtrace.task.TrackPoint;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
        TaskWriting.write(dir, frames, queries, groundTruth);
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
