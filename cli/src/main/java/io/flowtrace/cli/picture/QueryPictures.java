package io.flowtrace.cli.picture;

import io.flowtrace.cli.internal.Method;
import io.flowtrace.cli.internal.TaskDirectory;
import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TaskValidation;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.TracerConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code flowtrace picture query}: traces one query of a task and draws what each scale saw, all
 * scales in one row, and the query beside its estimate.
 */
final class QueryPictures {

    /** Height of each tile in the overview row. */
    static final int OVERVIEW_TILE_HEIGHT = 300;

    /** Longer side of each frame in the side-by-side picture. */
    static final int SIDE_BY_SIDE_PANEL = 640;

    /** Brightness of the grey frame under the maps. */
    private static final double BACKDROP_BRIGHTNESS = 0.9;

    /**
     * @param task the task directory
     * @param id the query to trace
     * @param target the frame to trace it into; empty for the frame after the query's (the one
     *     before, when the query is on the last frame)
     * @param out the directory the pictures go to
     * @param method how the query is traced
     * @param recipe the tracing recipe
     * @param size the longer side of each scale's map picture, in pixels
     * @param heat how map values are coloured
     */
    record Options(
            Path task,
            int id,
            Optional<Integer> target,
            Path out,
            Method method,
            TracerConfig recipe,
            int size,
            HeatScale heat) {
        Options {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(recipe, "recipe");
            Objects.requireNonNull(heat, "heat");
        }
    }

    /** The traced query and the files written. */
    record Result(QueryCase traced, List<Path> files) {}

    private QueryPictures() {}

    /**
     * Traces the query with a model from {@code models} and writes the pictures.
     *
     * @throws TaskFormatException naming the file at fault when the task is missing or malformed,
     *     the query id is not in it or the target is not a frame of the clip
     */
    static Result run(Options o, Supplier<ProbeModel> models) {
        TaskDirectory dir = TaskDirectory.of(o.task());
        try (FrameSequence frames = dir.frames().open()) {
            List<Query> queries = QueriesCsv.read(dir.queries());
            TaskValidation.checkQueries(queries, frames, dir.queries());
            Query q = find(queries, o.id(), dir.queries());
            int t = target(q, o.target(), frames, dir);
            RgbImage from = frames.frame(q.t());
            RgbImage to = frames.frame(t);
            PointEstimate estimate;
            try (PairTracker tracker = o.method().tracker(o.recipe(), models)) {
                estimate =
                        tracker.track(from, to, List.of(new Point(q.x(), q.y())), steps -> {})
                                .get(0);
            }
            QueryCase traced = new QueryCase(q, t, estimate, truth(dir, q.id(), t));
            return new Result(traced, draw(traced, from, to, o));
        }
    }

    private static Query find(List<Query> queries, int id, Path file) {
        return queries.stream()
                .filter(q -> q.id() == id)
                .findFirst()
                .orElseThrow(
                        () ->
                                new TaskFormatException(
                                        file,
                                        "no query with id "
                                                + id
                                                + " (the file has "
                                                + queries.size()
                                                + " queries)"));
    }

    private static int target(
            Query q, Optional<Integer> target, FrameSequence frames, TaskDirectory dir) {
        int t = target.orElse(q.t() + 1 < frames.size() ? q.t() + 1 : q.t() - 1);
        if (t < 0 || t >= frames.size() || t == q.t()) {
            throw new TaskFormatException(
                    dir.frames().path(),
                    "cannot trace query "
                            + q.id()
                            + " from frame "
                            + q.t()
                            + " into frame "
                            + t
                            + ": the clip has frames 0.."
                            + (frames.size() - 1));
        }
        return t;
    }

    private static Optional<TrackPoint> truth(TaskDirectory dir, int id, int t) {
        if (!Files.isRegularFile(dir.groundTruth())) {
            return Optional.empty();
        }
        return TracksCsv.read(dir.groundTruth()).stream()
                .filter(p -> p.id() == id && p.t() == t)
                .findFirst();
    }

    private static List<Path> draw(QueryCase traced, RgbImage from, RgbImage to, Options o) {
        ScalePictures scales =
                new ScalePictures(Backdrop.grey(to, BACKDROP_BRIGHTNESS), traced, o.heat());
        String prefix = "query-" + traced.query().id() + "-";
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < scales.scales(); k++) {
            BufferedImage picture = scales.scale(k, o.size());
            files.add(PngFiles.write(picture, o.out().resolve(prefix + "scale-" + k + ".png")));
        }
        files.add(
                PngFiles.write(
                        scales.overview(OVERVIEW_TILE_HEIGHT),
                        o.out().resolve(prefix + "overview.png")));
        files.add(
                PngFiles.write(
                        SideBySide.render(from, to, traced, SIDE_BY_SIDE_PANEL),
                        o.out().resolve(prefix + "side-by-side.png")));
        return files;
    }
}
