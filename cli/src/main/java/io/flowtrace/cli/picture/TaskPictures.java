package io.flowtrace.cli.picture;

import io.flowtrace.cli.internal.TaskDirectory;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.video.Mp4Writer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code flowtrace picture task}: a task's predicted and true tracks over its first frame ({@code
 * tracks.png}) and as a video of its frames with the tracks growing.
 */
public final class TaskPictures {

    /** A video of few frames holds each one so that it lasts at least this long. */
    static final double MIN_VIDEO_SECONDS = 2.0;

    /**
     * @param task the task directory
     * @param pred the predictions file
     * @param out where {@code tracks.png} goes
     * @param video the MP4 to write
     * @param maxPoints most tracks drawn
     * @param seed picks which tracks when there are more
     * @param fps the video's frame rate
     */
    public record Options(
            Path task, Path pred, Path out, Path video, int maxPoints, long seed, double fps) {
        public Options {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(pred, "pred");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(video, "video");
        }
    }

    /** What was drawn and where. */
    public record Result(int shown, int tracks, int videoFrames, List<Path> files) {}

    private TaskPictures() {}

    /**
     * Draws and writes both pictures.
     *
     * @throws io.flowtrace.task.TaskFormatException naming the file at fault when an input is
     *     missing or malformed
     */
    public static Result run(Options o) {
        TaskDirectory dir = TaskDirectory.of(o.task());
        try (FrameSequence frames = dir.frames().open()) {
            TaskTracks all = load(dir, o.pred(), frames.size());
            TaskTracks shown = all.pick(o.maxPoints(), o.seed());
            TrackPicture picture = new TrackPicture(shown, all, frames.width(), frames.height());
            String title =
                    String.format(
                            Locale.ROOT,
                            "%s · frame 0 · all %d frames of tracks",
                            o.task().getFileName(),
                            frames.size());
            Path png =
                    PngFiles.write(
                            picture.render(frames.frame(0), title, Integer.MAX_VALUE, true),
                            o.out().resolve("tracks.png"));
            int videoFrames = writeVideo(frames, picture, o);
            return new Result(
                    shown.tracks().size(),
                    all.tracks().size(),
                    videoFrames,
                    List.of(png, o.video()));
        }
    }

    private static TaskTracks load(TaskDirectory dir, Path pred, int frameCount) {
        boolean hasTruth = Files.isRegularFile(dir.groundTruth());
        List<TrackPoint> truth = hasTruth ? TracksCsv.read(dir.groundTruth()) : List.of();
        return TaskTracks.of(
                QueriesCsv.read(dir.queries()),
                TracksCsv.read(pred),
                truth,
                hasTruth,
                pred,
                frameCount);
    }

    private static int writeVideo(FrameSequence frames, TrackPicture picture, Options o) {
        int n = frames.size();
        int hold = Math.max(1, (int) Math.ceil(MIN_VIDEO_SECONDS * o.fps() / n));
        BufferedImage first = videoFrame(frames, picture, 0);
        try (Mp4Writer video =
                Mp4Writer.open(o.video(), first.getWidth(), first.getHeight(), o.fps())) {
            video.write(first, hold);
            for (int t = 1; t < n; t++) {
                video.write(videoFrame(frames, picture, t), hold);
            }
            video.finish();
        }
        return n * hold;
    }

    private static BufferedImage videoFrame(FrameSequence frames, TrackPicture picture, int t) {
        String title = String.format(Locale.ROOT, "frame %d (frames 0..%d)", t, frames.size() - 1);
        return picture.render(frames.frame(t), title, t, false);
    }
}
