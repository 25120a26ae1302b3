package io.flowtrace.cli.baseline;

import io.flowtrace.cli.tracking.PairTracker;

/**
 * Point trackers built on OpenCV. Each marks a point occluded when its estimate leaves the frame or
 * fails the {@linkplain ForwardBackwardCheck forward-backward check}; none needs a model.
 */
public final class BaselineTrackers {

    private BaselineTrackers() {}

    /**
     * Tracks by sampling {@code flow} bilinearly at each point; each call computes the forward and
     * the backward field once for all its points.
     */
    public static PairTracker dense(DenseFlow flow) {
        return new DenseFlowTracker(flow, ForwardBackwardCheck.DEFAULT);
    }

    /**
     * OpenCV's pyramidal Lucas-Kanade: 21x21 window, 4 pyramid levels (maxLevel 3), at most 30
     * iterations or a step below 0.01 px per level.
     */
    public static PairTracker lucasKanade() {
        return new LucasKanadeTracker(ForwardBackwardCheck.DEFAULT);
    }
}
