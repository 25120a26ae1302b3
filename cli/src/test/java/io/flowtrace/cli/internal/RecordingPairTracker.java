package io.flowtrace.cli.internal;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A fake tracker over {@link FrameIndexFrames}: every point moves 10 px right per frame index, and
 * each call is recorded as "from->to:points".
 */
final class RecordingPairTracker implements PairTracker {

    final List<String> calls = new ArrayList<>();
    final List<List<Point>> inputs = new ArrayList<>();

    /** The priors of each call, null entries where the caller had none. */
    final List<List<Point>> priors = new ArrayList<>();

    /** Frame indices on which every estimate is occluded. */
    final java.util.Set<Integer> occludedFrames = new java.util.HashSet<>();

    boolean closed;

    @Override
    public List<PointEstimate> track(
            RgbImage from,
            RgbImage to,
            List<Point> points,
            List<Point> priors,
            IntConsumer progress) {
        this.priors.add(priors == null ? null : new ArrayList<>(priors));
        return track(from, to, points, progress);
    }

    @Override
    public List<PointEstimate> track(
            RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
        int dt = FrameIndexFrames.indexOf(to) - FrameIndexFrames.indexOf(from);
        calls.add(
                FrameIndexFrames.indexOf(from)
                        + "->"
                        + FrameIndexFrames.indexOf(to)
                        + ":"
                        + points.size());
        inputs.add(points);
        progress.accept(points.size() * stepsPerPoint());
        return points.stream()
                .map(
                        p ->
                                new PointEstimate(
                                        new Point(p.x() + 10 * dt, p.y()),
                                        !occludedFrames.contains(FrameIndexFrames.indexOf(to)),
                                        1,
                                        4,
                                        2.5,
                                        List.of(),
                                        Double.NaN))
                .toList();
    }

    @Override
    public String describe() {
        return "recording tracker";
    }

    @Override
    public int stepsPerPoint() {
        return 2;
    }

    @Override
    public void close() {
        closed = true;
    }
}
