package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.Query;
import io.flowtrace.tracer.Point;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@link Protocol#FIRST} protocol: each query frame t is paired directly with every other
 * frame, one tracker call per (t, t') pair carrying all queries of frame t.
 */
final class FirstFramePairing {

    private FirstFramePairing() {}

    static Tracks run(
            FrameSequence frames, List<Query> queries, PairTracker tracker, IntConsumer progress) {
        TrackCollector out = new TrackCollector();
        for (Map.Entry<Integer, List<Query>> group : TrackCollector.byFrame(queries).entrySet()) {
            int t = group.getKey();
            RgbImage from = frames.frame(t);
            List<Point> points = TrackCollector.positions(group.getValue());
            for (int target = 0; target < frames.size(); target++) {
                if (target != t) {
                    RgbImage to = frames.frame(target);
                    out.add(group.getValue(), target, tracker.track(from, to, points, progress));
                }
            }
        }
        return out.result();
    }
}
