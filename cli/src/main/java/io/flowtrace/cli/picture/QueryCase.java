package io.flowtrace.cli.picture;

import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One traced query: where it started, the frame it was traced into, what the tracer found there and
 * the ground truth for that frame when the task has it.
 */
record QueryCase(Query query, int targetT, PointEstimate estimate, Optional<TrackPoint> truth) {

    QueryCase {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(truth, "truth");
    }

    Point queryPoint() {
        return new Point(query.x(), query.y());
    }

    /** The ground-truth position in the target frame. */
    Optional<Point> truthPoint() {
        return truth.map(t -> new Point(t.x(), t.y()));
    }

    /** Distance from {@code p} to the ground truth, in image pixels; NaN without ground truth. */
    double error(Point p) {
        return truthPoint().map(t -> Math.hypot(p.x() - t.x(), p.y() - t.y())).orElse(Double.NaN);
    }

    /** One line: where the query went, and how far from the ground truth. */
    String summary() {
        Point e = estimate.position();
        String found =
                String.format(
                        Locale.ROOT,
                        "query %d: frame %d (%.1f, %.1f) -> frame %d (%.2f, %.2f), %s",
                        query.id(),
                        query.t(),
                        query.x(),
                        query.y(),
                        targetT,
                        e.x(),
                        e.y(),
                        estimate.visible() ? "visible" : "occluded");
        return found + truth.map(t -> ", " + truthText(t, error(e))).orElse(", no ground truth");
    }

    static String truthText(TrackPoint t, double error) {
        return String.format(
                Locale.ROOT,
                "GT (%.2f, %.2f)%s, error %.2f px",
                t.x(),
                t.y(),
                t.visible() ? "" : " occluded",
                error);
    }
}
