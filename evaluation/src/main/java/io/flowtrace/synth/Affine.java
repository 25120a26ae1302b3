package io.flowtrace.synth;

/** A 2D affine map {@code (x, y) -> (a x + b y + tx, c x + d y + ty)}. */
record Affine(double a, double b, double c, double d, double tx, double ty) {

    /** The map {@code q -> s R(angle) q + (tx, ty)}. */
    static Affine similarity(double scale, double angle, double tx, double ty) {
        double cos = scale * StrictMath.cos(angle);
        double sin = scale * StrictMath.sin(angle);
        return new Affine(cos, -sin, sin, cos, tx, ty);
    }

    double applyX(double x, double y) {
        return a * x + b * y + tx;
    }

    double applyY(double x, double y) {
        return c * x + d * y + ty;
    }

    /** The inverse map; this map must be invertible. */
    Affine inverse() {
        double det = a * d - b * c;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("affine map is not invertible: " + this);
        }
        double ia = d / det;
        double ib = -b / det;
        double ic = -c / det;
        double id = a / det;
        return new Affine(ia, ib, ic, id, -(ia * tx + ib * ty), -(ic * tx + id * ty));
    }
}
