package io.flowtrace.app.internal;

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

    /** The queries grouped by their frame, in frame order, each group in input order. */
    static Map<Integer, List<Query>> byFrame(List<Query> queries) {
        Map<Integer, List<Query>> groups = new TreeMap<>();
        for (Query q : queries) {
            groups.computeIfAbsent(q.t(), t -> new ArrayList<>()).add(q);
        }
        return groups;
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
        }
    }

    Tracks result() {
        return new Tracks(rows, framePairs, modelPasses);
    }
}
