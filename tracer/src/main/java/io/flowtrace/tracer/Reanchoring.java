package io.flowtrace.tracer;

/**
 * When a point tracked frame after frame moves its anchor to where it was just seen: the one rule
 * of the streaming job and the offline anchored protocol. A point is tracked straight from its
 * anchor (its query at first) into each new frame; once it is seen (visible) at least {@code after}
 * frames from its anchor frame, that sighting becomes its anchor. 1 re-anchors on every sighting; 0
 * never does, so every frame is tracked from the query.
 */
public final class Reanchoring {

    /** Re-anchor on every confident sighting: the default of the job and of {@code track}. */
    public static final int EVERY_SIGHTING = 1;

    private Reanchoring() {}

    /**
     * Whether a point {@code framesFromAnchor} frames from its anchor frame (either way), seen or
     * not ({@code visible}), moves its anchor to this sighting under {@code after}.
     *
     * @throws IllegalArgumentException when {@code after} or {@code framesFromAnchor} is negative
     */
    public static boolean moves(int after, boolean visible, long framesFromAnchor) {
        requireValid(after);
        if (framesFromAnchor < 0) {
            throw new IllegalArgumentException(
                    "frames from the anchor must be >= 0, was " + framesFromAnchor);
        }
        return after > 0 && visible && framesFromAnchor >= after;
    }

    /**
     * Checks a setting of the rule.
     *
     * @throws IllegalArgumentException when {@code after} is negative
     */
    public static int requireValid(int after) {
        if (after < 0) {
            throw new IllegalArgumentException(
                    "re-anchoring must be 0 (never) or a number of frames, was " + after);
        }
        return after;
    }
}
