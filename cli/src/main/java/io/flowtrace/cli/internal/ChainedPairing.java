package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The {@link Protocol#CHAINED} protocol: from each query frame t, consecutive frames are paired
 * forwards (t to t+1 to ...) and backwards (t to t-1 to ...), each pair starting from the previous
 * pair's estimates, whether or not they were visible.
 */
final class ChainedPairing {

    private ChainedPairing() {}

    static Tracks run(
            FrameSequence frames, List<Query> queries, PairTracker tracker, IntConsumer progress) {
        return TrackCollector.bothWays(
                frames,
                queries,
                (members, t, end, out) -> chain(frames, members, t, end, tracker, progress, out));
    }

    /** Tracks {@code queries} frame by frame from their frame {@code t} to frame {@code end}. */
    private static void chain(
            FrameSequence frames,
            List<Query> queries,
            int t,
            int end,
            PairTracker tracker,
            IntConsumer progress,
            TrackCollector out) {
        int step = end >= t ? 1 : -1;
        List<Point> points = TrackCollector.positions(queries);
        RgbImage from = frames.frame(t);
        for (int target = t + step; step * (end - target) >= 0; target += step) {
            RgbImage to = frames.frame(target);
            List<PointEstimate> estimates = tracker.track(from, to, points, progress);
            out.add(queries, target, estimates);
            points = TrackCollector.estimatedPositions(estimates);
            from = to;
        }
    }
}
