package io.flowtrace.cli.demo;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskWriting;
import io.flowtrace.task.TrackPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One camera of the demo, written as a task folder: its frames (sent from {@code task/frames}), the
 * points queried on its first frame and, for generated clips, the exact ground truth.
 *
 * @param task the task folder
 * @param frames how many frames it holds
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param queries the points to track, on frame 0
 * @param groundTruth every query's true position in every later frame; empty when unknown
 */
public record DemoCamera(
        Path task,
        int frames,
        int width,
        int height,
        List<Query> queries,
        List<TrackPoint> groundTruth) {

    public DemoCamera {
        Objects.requireNonNull(task, "task");
        queries = List.copyOf(queries);
        groundTruth = List.copyOf(groundTruth);
    }

    /** A generated clip, written to {@code task}. */
    public static DemoCamera generated(SyntheticClip clip, Path task) {
        clip.writeTask(task);
        return new DemoCamera(
                task,
                clip.frames().size(),
                clip.spec().width(),
                clip.spec().height(),
                clip.queries(),
                clip.groundTruth());
    }

    /** Recorded frames without ground truth, written to {@code task}. */
    public static DemoCamera recorded(List<RgbImage> frames, List<Query> queries, Path task) {
        TaskWriting.write(task, frames, queries, List.of());
        RgbImage first = frames.get(0);
        return new DemoCamera(
                task, frames.size(), first.width(), first.height(), queries, List.of());
    }

    /** Whether accuracy can be scored. */
    public boolean hasGroundTruth() {
        return !groundTruth.isEmpty();
    }
}
