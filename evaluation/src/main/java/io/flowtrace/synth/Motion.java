package io.flowtrace.synth;

/**
 * A surface's pose over time: local point q is at {@code s(t) R(angle(t)) q + centre(t)} in frame
 * t, with centre moving at constant velocity, constant angular velocity and exponential scaling.
 */
record Motion(
        double x0,
        double y0,
        double vx,
        double vy,
        double angle0,
        double angularVelocity,
        double scale0,
        double scaleRate) {

    /** A motion that only translates, with no rotation and unit scale. */
    static Motion translation(double x0, double y0, double vx, double vy) {
        return new Motion(x0, y0, vx, vy, 0, 0, 1, 0);
    }

    /** The map from local to image coordinates at frame t. */
    Affine pose(int t) {
        double scale = scaleRate == 0 ? scale0 : scale0 * StrictMath.exp(scaleRate * t);
        return Affine.similarity(scale, angle0 + angularVelocity * t, x0 + vx * t, y0 + vy * t);
    }
}
