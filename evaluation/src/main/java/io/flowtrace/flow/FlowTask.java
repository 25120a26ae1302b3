package io.flowtrace.flow;

import io.flowtrace.frames.FrameReadException;
import io.flowtrace.frames.ImageReading;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TaskWriting;
import io.flowtrace.task.TrackPoint;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A two-frame tracking task cut from a ground-truth flow field: queries on frame 0 at sampled
 * pixels and their ground truth in frame 1 (query + flow, visible or not).
 *
 * @param width the flow's width, which both frames must have
 * @param height the flow's height, which both frames must have
 * @param queries the sampled pixels, ids 0..n-1 in sampling order, all at t=0
 * @param groundTruth one row per query at t=1, in query order
 * @param eligible how many pixels the queries were sampled from
 */
public record FlowTask(
        int width, int height, List<Query> queries, List<TrackPoint> groundTruth, int eligible) {

    public FlowTask {
        queries = List.copyOf(queries);
        groundTruth = List.copyOf(groundTruth);
        if (queries.size() != groundTruth.size()) {
            throw new IllegalArgumentException(
                    queries.size() + " queries but " + groundTruth.size() + " ground-truth rows");
        }
    }

    /** A builder that samples a task from {@code flow}. */
    public static FlowTaskBuilder builder(FlowField flow) {
        return new FlowTaskBuilder(flow);
    }

    /** How many ground-truth points are visible in frame 1. */
    public int visible() {
        return (int) groundTruth.stream().filter(TrackPoint::visible).count();
    }

    /**
     * Writes the task to {@code dir}: the two frames re-encoded as {@code frames/000.png} and
     * {@code frames/001.png}, {@code queries.csv} and {@code gt.csv}. Both frames are read and
     * checked before anything is written.
     *
     * @throws FrameReadException naming a frame that is missing or not a readable image
     * @throws TaskFormatException naming a frame whose size differs from the flow's
     * @throws IllegalStateException when {@code dir/frames} already holds files
     * @throws UncheckedIOException when a file cannot be written
     */
    public void write(Path dir, Path frame1, Path frame2) {
        RgbImage first = readFrame(frame1);
        RgbImage second = readFrame(frame2);
        TaskWriting.write(dir, List.of(first, second), queries, groundTruth);
    }

    private RgbImage readFrame(Path file) {
        RgbImage image = ImageReading.readRgb(file);
        if (image.width() != width || image.height() != height) {
            throw new TaskFormatException(
                    file,
                    "frame size "
                            + image.width()
                            + "x"
                            + image.height()
                            + " differs from the flow's "
                            + width
                            + "x"
                            + height);
        }
        return image;
    }
}
