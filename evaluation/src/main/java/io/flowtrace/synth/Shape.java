package io.flowtrace.synth;

/** A layer's outline in its own coordinates, centred near the origin. */
sealed interface Shape {

    /** True when local point (x, y) is inside the outline. */
    boolean contains(double x, double y);

    /** An axis-aligned ellipse with semi-axes rx, ry. */
    record Ellipse(double rx, double ry) implements Shape {
        @Override
        public boolean contains(double x, double y) {
            double u = x / rx;
            double v = y / ry;
            return u * u + v * v <= 1;
        }
    }

    /** A rectangle of half-sizes hw, hh whose corners are rounded with radius r. */
    record RoundedRect(double hw, double hh, double r) implements Shape {
        @Override
        public boolean contains(double x, double y) {
            double ax = Math.abs(x);
            double ay = Math.abs(y);
            if (ax > hw || ay > hh) {
                return false;
            }
            double dx = Math.max(ax - (hw - r), 0);
            double dy = Math.max(ay - (hh - r), 0);
            return dx * dx + dy * dy <= r * r;
        }
    }

    /** A simple polygon with vertices (xs[i], ys[i]); even-odd rule. */
    record Polygon(double[] xs, double[] ys) implements Shape {
        public Polygon {
            if (xs.length != ys.length || xs.length < 3) {
                throw new IllegalArgumentException(
                        "a polygon needs >= 3 vertices with x and y, had "
                                + xs.length
                                + " x and "
                                + ys.length
                                + " y");
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        @Override
        public boolean contains(double x, double y) {
            boolean inside = false;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > y) != (ys[j] > y)
                        && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
