package io.flowtrace.cli.picture;

import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One query's track: the query, its predicted points and its ground-truth points (empty when the
 * task has none), each list sorted by frame.
 */
record Track(Query query, List<TrackPoint> predicted, List<TrackPoint> truth) {

    private static final Comparator<TrackPoint> BY_FRAME = Comparator.comparingInt(TrackPoint::t);

    Track {
        Objects.requireNonNull(query, "query");
        predicted = predicted.stream().sorted(BY_FRAME).toList();
        truth = truth.stream().sorted(BY_FRAME).toList();
    }

    int id() {
        return query.id();
    }

    /**
     * The distances from predicted to true positions in the frames where the ground truth is
     * visible and a prediction exists.
     */
    List<Double> errors() {
        Map<Integer, TrackPoint> byFrame = new HashMap<>();
        predicted.forEach(p -> byFrame.put(p.t(), p));
        List<Double> errors = new ArrayList<>();
        for (TrackPoint t : truth) {
            TrackPoint p = byFrame.get(t.t());
            if (t.visible() && p != null) {
                errors.add(Math.hypot(p.x() - t.x(), p.y() - t.y()));
            }
        }
        return errors;
    }

    /** The mean of {@link #errors()}; NaN when there are none. */
    double meanError() {
        return errors().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The query point then the predictions, in frame order, up to frame {@code upTo}. */
    List<TrackPoint> predictedPath(int upTo) {
        return withQuery(predicted, upTo);
    }

    /** The query point then the ground truth, in frame order, up to frame {@code upTo}. */
    List<TrackPoint> truthPath(int upTo) {
        return truth.isEmpty() ? List.of() : withQuery(truth, upTo);
    }

    private List<TrackPoint> withQuery(List<TrackPoint> points, int upTo) {
        List<TrackPoint> path = new ArrayList<>(points.size() + 1);
        path.add(new TrackPoint(query.id(), query.t(), query.x(), query.y(), true));
        for (TrackPoint p : points) {
            if (p.t() != query.t()) {
                path.add(p);
            }
        }
        path.sort(BY_FRAME);
        path.removeIf(p -> p.t() > upTo);
        return path;
    }
}
