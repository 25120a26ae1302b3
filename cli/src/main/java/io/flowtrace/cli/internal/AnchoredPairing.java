package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.task.Query;
import io.flowtrace.tracer.MotionPrior;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.Reanchoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@link Protocol#ANCHORED} protocol, the streaming job's rule offline: from each query frame
 * t, forwards and backwards, every point is tracked straight from its anchor into the next frame.
 * The anchor starts at the query and moves to where the point is seen (visible), by the job's own
 * {@link io.flowtrace.tracer.Reanchoring} rule (on every sighting unless told otherwise); an
 * occluded point keeps its anchor, so the next frame tries to re-acquire it from its last sighting.
 * Points sharing an anchor frame are tracked together.
 *
 * <p>A point seen in the previous frame gets a prior for the next one: its last position moved by
 * its last step's motion (constant velocity), which a recipe with a motion prior searches around
 * instead of the whole frame.
 */
final class AnchoredPairing {

    private AnchoredPairing() {}

    /**
     * A point's query, where it was last seen (frame index and position) and its motion per frame
     * index between its last two sightings (null before the first one after the query frame).
     */
    private record Anchor(Query query, int frame, Point at, Point velocity) {

        /** Where the point should be in {@code target}, by {@link MotionPrior#prior}; else null. */
        Point prior(int target) {
            return MotionPrior.prior(at, frame, velocity, target);
        }

        /** The anchor after the point was seen at {@code position} in {@code target}. */
        Anchor seen(int target, Point position) {
            return new Anchor(
                    query, target, position, MotionPrior.velocity(at, frame, position, target));
        }
    }

    static Tracks run(
            FrameSequence frames,
            List<Query> queries,
            PairTracker tracker,
            IntConsumer progress,
            int reanchorAfter) {
        return TrackCollector.bothWays(
                frames,
                queries,
                (members, t, end, out) ->
                        walk(frames, members, t, end, tracker, progress, reanchorAfter, out));
    }

    /** Tracks {@code queries} from their frame {@code t} to frame {@code end}, one frame a step. */
    private static void walk(
            FrameSequence frames,
            List<Query> queries,
            int t,
            int end,
            PairTracker tracker,
            IntConsumer progress,
            int reanchorAfter,
            TrackCollector out) {
        int step = end >= t ? 1 : -1;
        List<Anchor> anchors = new ArrayList<>();
        for (Query q : queries) {
            anchors.add(new Anchor(q, t, new Point(q.x(), q.y()), null));
        }
        for (int target = t + step; step * (end - target) >= 0; target += step) {
            Map<Integer, List<Anchor>> byFrame = new LinkedHashMap<>();
            anchors.forEach(a -> byFrame.computeIfAbsent(a.frame(), f -> new ArrayList<>()).add(a));
            List<Anchor> next = new ArrayList<>(anchors.size());
            for (Map.Entry<Integer, List<Anchor>> group : byFrame.entrySet()) {
                List<Anchor> members = group.getValue();
                int to = target;
                List<Point> priors =
                        members.stream()
                                .map(a -> a.prior(to))
                                .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
                List<PointEstimate> estimates =
                        tracker.track(
                                frames.frame(group.getKey()),
                                frames.frame(target),
                                members.stream().map(Anchor::at).toList(),
                                priors,
                                progress);
                out.add(members.stream().map(Anchor::query).toList(), target, estimates);
                for (int i = 0; i < members.size(); i++) {
                    PointEstimate e = estimates.get(i);
                    Anchor a = members.get(i);
                    long fromAnchor = Math.abs((long) target - a.frame());
                    next.add(
                            Reanchoring.moves(reanchorAfter, e.visible(), fromAnchor)
                                    ? a.seen(target, e.position())
                                    : a);
                }
            }
            anchors = next;
        }
    }
}
