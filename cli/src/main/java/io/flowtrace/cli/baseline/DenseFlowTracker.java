package io.flowtrace.cli.baseline;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Tracks points by sampling a dense flow bilinearly; each call computes the forward and backward
 * fields once for all its points.
 */
final class DenseFlowTracker implements PairTracker {

    private final DenseFlow flow;
    private final ForwardBackwardCheck check;

    DenseFlowTracker(DenseFlow flow, ForwardBackwardCheck check) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public List<PointEstimate> track(
            RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
        OpenCvMats.checkSameSize(from, to);
        if (points.isEmpty()) {
            return List.of();
        }
        FlowField forward = flow.flow(from, to);
        FlowField backward = flow.flow(to, from);
        List<PointEstimate> estimates = new ArrayList<>(points.size());
        for (Point query : points) {
            Point target = advect(forward, query);
            Point back = target == null ? null : advect(backward, target);
            estimates.add(check.judge(query, target, back, from.width(), from.height()));
        }
        progress.accept(points.size());
        return estimates;
    }

    /**
     * {@code p} moved by the flow interpolated bilinearly at {@code p} (clamped to the border
     * pixels' centres), or null where the flow is unknown.
     */
    static Point advect(FlowField flow, Point p) {
        double x = Math.min(Math.max(p.x(), 0), flow.width() - 1);
        double y = Math.min(Math.max(p.y(), 0), flow.height() - 1);
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(x0 + 1, flow.width() - 1);
        int y1 = Math.min(y0 + 1, flow.height() - 1);
        double fx = x - x0;
        double fy = y - y0;
        double u = bilinear(flow.u(x0, y0), flow.u(x1, y0), flow.u(x0, y1), flow.u(x1, y1), fx, fy);
        double v = bilinear(flow.v(x0, y0), flow.v(x1, y0), flow.v(x0, y1), flow.v(x1, y1), fx, fy);
        return Double.isFinite(u) && Double.isFinite(v) ? new Point(p.x() + u, p.y() + v) : null;
    }

    private static double bilinear(
            double v00, double v10, double v01, double v11, double fx, double fy) {
        double top = v00 + (v10 - v00) * fx;
        double bottom = v01 + (v11 - v01) * fx;
        return top + (bottom - top) * fy;
    }

    @Override
    public String describe() {
        return flow.describe() + ", sampled bilinearly; " + check.describe();
    }

    @Override
    public int stepsPerPoint() {
        return 1;
    }

    @Override
    public void close() {
        // Each call releases its native memory before returning.
    }
}
