package io.flowtrace.app.internal;

import io.flowtrace.task.FrameSequence;
import io.flowtrace.task.Query;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@link Protocol#ANCHORED} protocol, the streaming job's rule offline: from each query frame
 * t, forwards and backwards, every point is tracked straight from its anchor into the next frame.
 * The anchor starts at the query and moves to each frame where the point is seen (visible); an
 * occluded point keeps its anchor, so the next frame tries to re-acquire it from its last sighting.
 * Points sharing an anchor frame are tracked together.
 */
final class AnchoredPairing {

    private AnchoredPairing() {}

    /** A point's query and where it was last seen: frame index and position. */
    private record Anchor(Query query, int frame, Point at) {}

    static Tracks run(
            FrameSequence frames, List<Query> queries, PairTracker tracker, IntConsumer progress) {
        return TrackCollector.bothWays(
                frames,
                queries,
                (members, t, end, out) -> walk(frames, members, t, end, tracker, progress, out));
    }

    /** Tracks {@code queries} from their frame {@code t} to frame {@code end}, one frame a step. */
    private static void walk(
            FrameSequence frames,
            List<Query> queries,
            int t,
            int end,
            PairTracker tracker,
            IntConsumer progress,
            TrackCollector out) {
        int step = end >= t ? 1 : -1;
        List<Anchor> anchors = new ArrayList<>();
        for (Query q : queries) {
            anchors.add(new Anchor(q, t, new Point(q.x(), q.y())));
        }
        for (int target = t + step; step * (end - target) >= 0; target += step) {
            Map<Integer, List<Anchor>> byFrame = new LinkedHashMap<>();
            anchors.forEach(a -> byFrame.computeIfAbsent(a.frame(), f -> new ArrayList<>()).add(a));
            List<Anchor> next = new ArrayList<>(anchors.size());
            for (Map.Entry<Integer, List<Anchor>> group : byFrame.entrySet()) {
                List<Anchor> members = group.getValue();
                List<PointEstimate> estimates =
                        tracker.track(
                                frames.frame(group.getKey()),
                                frames.frame(target),
                                members.stream().map(Anchor::at).toList(),
                                progress);
                out.add(members.stream().map(Anchor::query).toList(), target, estimates);
                for (int i = 0; i < members.size(); i++) {
                    PointEstimate e = estimates.get(i);
                    next.add(
                            e.visible()
                                    ? new Anchor(members.get(i).query(), target, e.position())
                                    : members.get(i));
                }
            }
            anchors = next;
        }
    }
}
