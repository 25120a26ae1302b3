package io.flowtrace.cli.tracking;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.List;
import java.util.function.IntConsumer;

/** Tracks points from one frame into another; what a tracking method provides. */
public interface PairTracker extends AutoCloseable {

    /**
     * Where each of {@code points} in {@code from} is in {@code to}, in image pixels.
     *
     * @param progress told how many of the {@link #stepsPerPoint()} steps per point finished, as
     *     they finish
     */
    List<PointEstimate> track(RgbImage from, RgbImage to, List<Point> points, IntConsumer progress);

    /**
     * As {@link #track(RgbImage, RgbImage, List, IntConsumer)}, with where each point is expected
     * in {@code to} (null where unknown); methods that cannot use priors ignore them.
     */
    default List<PointEstimate> track(
            RgbImage from,
            RgbImage to,
            List<Point> points,
            List<Point> priors,
            IntConsumer progress) {
        return track(from, to, points, progress);
    }

    /** The method and its settings, for the run's log. */
    String describe();

    /** Progress steps reported per tracked point. */
    int stepsPerPoint();

    /** Releases the model or other resources the tracker holds. */
    @Override
    void close();
}
