package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.FrameSequence;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Gathers the rows of a tracking protocol, one frame pair at a time. */
final class TrackCollector {

    private final List<TrackPoint> rows = new ArrayList<>();
    private int framePairs;
    private long modelPasses;
    private double passEquivalents;

    /** The queries grouped by their frame, in frame order, each group in input order. */
    static Map<Integer, List<Query>> byFrame(List<Query> queries) {
        Map<Integer, List<Query>> groups = new TreeMap<>();
        for (Query q : queries) {
            groups.computeIfAbsent(q.t(), t -> new ArrayList<>()).add(q);
        }
        return groups;
    }

    /** Tracks queries from their frame {@code t} one frame a step to frame {@code end}. */
    @FunctionalInterface
    interface Walk {
        void run(List<Query> queries, int t, int end, TrackCollector out);
    }

    /**
     * Runs {@code walk} for each query frame's queries, forwards to the last frame, then backwards
     * to the first, and gathers the rows.
     */
    static Tracks bothWays(FrameSequence frames, List<Query> queries, Walk walk) {
        TrackCollector out = new TrackCollector();
        for (Map.Entry<Integer, List<Query>> group : byFrame(queries).entrySet()) {
            walk.run(group.getValue(), group.getKey(), frames.size() - 1, out);
            walk.run(group.getValue(), group.getKey(), 0, out);
        }
        return out.result();
    }

    /** The queries' positions. */
    static List<Point> positions(List<Query> queries) {
        return queries.stream().map(q -> new Point(q.x(), q.y())).toList();
    }

    /** The estimates' positions. */
    static List<Point> estimatedPositions(List<PointEstimate> estimates) {
        return estimates.stream().map(PointEstimate::position).toList();
    }

    /** Records one frame pair: {@code estimates.get(i)} is where query i is in frame {@code t}. */
    void add(List<Query> queries, int t, List<PointEstimate> estimates) {
        framePairs++;
        for (int i = 0; i < queries.size(); i++) {
            PointEstimate e = estimates.get(i);
            rows.add(
                    new TrackPoint(
                            queries.get(i).id(),
                            t,
                            e.position().x(),
                            e.position().y(),
                            e.visible()));
            modelPasses += e.passes();
            passEquivalents += e.passEquivalents();
        }
    }

    Tracks result() {
        return new Tracks(rows, framePairs, modelPasses, passEquivalents);
    }
}
