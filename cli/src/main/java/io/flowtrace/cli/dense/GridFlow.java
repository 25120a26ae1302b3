package io.flowtrace.cli.dense;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A point tracker run on a regular grid, drawn as a flow field: each grid point's motion fills the
 * block around it, and points the tracker calls occluded leave their block unknown.
 *
 * @param field the block-filled flow, the size of the frames
 * @param points the grid points, at the centres of their blocks
 * @param estimates the tracker's estimate for each point, in order
 * @param step the grid spacing in pixels
 */
public record GridFlow(
        FlowField field, List<Point> points, List<PointEstimate> estimates, int step) {

    /** The centres of the {@code step}-pixel blocks that tile a {@code width x height} frame. */
    public static List<Point> grid(int width, int height, int step) {
        if (step < 1) {
            throw new IllegalArgumentException("grid step must be at least 1 px, was " + step);
        }
        List<Point> points = new ArrayList<>();
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                double cx = Math.floor(x + (Math.min(step, width - x) - 1) / 2.0);
                double cy = Math.floor(y + (Math.min(step, height - y) - 1) / 2.0);
                points.add(new Point(cx, cy));
            }
        }
        return points;
    }

    /** Tracks every grid point of {@code from} into {@code to} and fills the blocks. */
    public static GridFlow track(
            PairTracker tracker, RgbImage from, RgbImage to, int step, IntConsumer progress) {
        int w = from.width();
        int h = from.height();
        List<Point> points = grid(w, h, step);
        List<PointEstimate> estimates = tracker.track(from, to, points, progress);
        float[] u = new float[w * h];
        float[] v = new float[w * h];
        Arrays.fill(u, Float.NaN);
        Arrays.fill(v, Float.NaN);
        int columns = (w + step - 1) / step;
        for (int i = 0; i < points.size(); i++) {
            PointEstimate e = estimates.get(i);
            if (!e.visible()) {
                continue;
            }
            float du = (float) (e.position().x() - points.get(i).x());
            float dv = (float) (e.position().y() - points.get(i).y());
            int x0 = (i % columns) * step;
            int y0 = (i / columns) * step;
            for (int y = y0; y < Math.min(y0 + step, h); y++) {
                Arrays.fill(u, y * w + x0, y * w + Math.min(x0 + step, w), du);
                Arrays.fill(v, y * w + x0, y * w + Math.min(x0 + step, w), dv);
            }
        }
        return new GridFlow(new FlowField(w, h, u, v), List.copyOf(points), estimates, step);
    }

    /** The share of grid points the tracker called occluded, 0 to 1. */
    public double occludedFraction() {
        long occluded = estimates.stream().filter(e -> !e.visible()).count();
        return estimates.isEmpty() ? 0 : (double) occluded / estimates.size();
    }

    /**
     * Mean end-point error against {@code truth} over every grid point whose true flow is known,
     * occluded-called ones included (so trackers that give up on hard points gain nothing), in
     * pixels; NaN when there are none.
     */
    public double endPointError(FlowField truth) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int x = (int) p.x();
            int y = (int) p.y();
            if (!truth.known(x, y)) {
                continue;
            }
            sum +=
                    Math.hypot(
                            estimates.get(i).position().x() - (x + truth.u(x, y)),
                            estimates.get(i).position().y() - (y + truth.v(x, y)));
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
