package io.flowtrace.tracer;

/**
 * The constant-velocity rule behind motion priors ({@link TracerConfig#motionPriorRadius()}): a
 * point's motion per frame between two sightings, and where a point seen on one frame should be on
 * the next. Frame indices are signed, so the rule holds walking forwards or backwards through a
 * clip. The streaming job and the offline anchored protocol both use it.
 */
public final class MotionPrior {

    private MotionPrior() {}

    /**
     * The motion per frame index from {@code from} on frame {@code fromFrame} to {@code to} on
     * frame {@code toFrame}; null when the two frames are the same.
     */
    public static Point velocity(Point from, long fromFrame, Point to, long toFrame) {
        long frames = toFrame - fromFrame;
        if (frames == 0) {
            return null;
        }
        return new Point((to.x() - from.x()) / frames, (to.y() - from.y()) / frames);
    }

    /**
     * Where a point seen at {@code at} on {@code frame}, moving by {@code velocity} per frame
     * index, should be on {@code target}: only for the frame next to it (either way) and a known
     * motion; else null.
     */
    public static Point prior(Point at, long frame, Point velocity, long target) {
        long frames = target - frame;
        if (velocity == null || Math.abs(frames) != 1) {
            return null;
        }
        return new Point(at.x() + velocity.x() * frames, at.y() + velocity.y() * frames);
    }
}
