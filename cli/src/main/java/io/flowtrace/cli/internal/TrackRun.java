package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.task.QueriesCsv;
import io.flowtrace.task.Query;
import io.flowtrace.task.TaskFormatException;
import io.flowtrace.task.TaskValidation;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code flowtrace track} run: checks frame sizes and every query before tracking, then tracks
 * and writes the predictions in one atomic step, so a failure never leaves an output file.
 */
public final class TrackRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrackRun.class);

    private static final Comparator<TrackPoint> BY_ID_THEN_FRAME =
            Comparator.comparingInt(TrackPoint::id).thenComparingInt(TrackPoint::t);

    private final TrackOptions options;
    private final Supplier<ProbeModel> models;
    private final LongFunction<TrackProgress> progress;

    /**
     * @param models makes the probe model, when the method needs one
     * @param progress starts a progress display for a given number of steps
     */
    public TrackRun(
            TrackOptions options,
            Supplier<ProbeModel> models,
            LongFunction<TrackProgress> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.models = Objects.requireNonNull(models, "models");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Tracks every query into every other frame and writes the rows, sorted by id then frame.
     *
     * @throws TaskFormatException naming the file (and line) at fault when an input is missing,
     *     malformed or inconsistent
     */
    public TrackSummary run() {
        long start = System.nanoTime();
        try (FrameSequence frames = options.frames().open()) {
            List<Query> queries = readQueries(frames);
            Tracks tracks = track(frames, queries);
            List<TrackPoint> rows = tracks.rows().stream().sorted(BY_ID_THEN_FRAME).toList();
            TracksCsv.write(options.out(), rows);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new TrackSummary(
                    queries.size(),
                    rows.size(),
                    tracks.framePairs(),
                    elapsed,
                    tracks.modelPasses(),
                    tracks.passEquivalents());
        }
    }

    private List<Query> readQueries(FrameSequence frames) {
        if (frames.size() < 2) {
            throw new TaskFormatException(
                    options.frames().path(),
                    "tracking needs at least 2 frames, found " + frames.size());
        }
        List<Query> queries = QueriesCsv.read(options.queries());
        TaskValidation.checkQueries(queries, frames, options.queries());
        return queries;
    }

    private Tracks track(FrameSequence frames, List<Query> queries) {
        try (PairTracker tracker = options.method().tracker(options.recipe(), models)) {
            LOG.info(
                    "tracking {} queries through {} frames of {}x{} by {}, protocol {}: {}",
                    queries.size(),
                    frames.size(),
                    frames.width(),
                    frames.height(),
                    CliEnums.name(options.method()),
                    CliEnums.name(options.protocol()),
                    tracker.describe());
            long steps = (long) queries.size() * (frames.size() - 1) * tracker.stepsPerPoint();
            try (TrackProgress bar = progress.apply(steps)) {
                return options.protocol()
                        .run(frames, queries, tracker, bar, options.reanchorAfter());
            }
        }
    }
}
