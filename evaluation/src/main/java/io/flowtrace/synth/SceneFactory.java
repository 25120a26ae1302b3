package io.flowtrace.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws a random scene for a spec: a background translating at up to 30% of the maximum speed and
 * layers (ellipses, rounded rectangles, star-shaped polygons) of 14-28% of the frame's smaller side
 * placed over the middle of the frame, each moving at its own velocity, clearly different from the
 * background's so that layers occlude and uncover what lies behind them.
 */
final class SceneFactory {

    private static final double BACKGROUND_SPEED_SHARE = 0.3;
    private static final double MIN_RELATIVE_SPEED_SHARE = 0.25;
    // AFFINE: shares of the speed budget for the centre's translation, rotation and scaling.
    private static final double TRANSLATION_SHARE = 0.6;
    private static final double ROTATION_SHARE = 0.2;
    private static final double SCALING_SHARE = 0.2;
    private static final double MAX_SCALE_CHANGE = Math.log(1.5);

    private final SceneSpec spec;
    private final Random random;

    private SceneFactory(SceneSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    /** The scene for {@code spec}; the same spec always gives the same scene. */
    static Scene create(SceneSpec spec) {
        return new SceneFactory(spec).scene();
    }

    private Scene scene() {
        double backgroundSpeed = BACKGROUND_SPEED_SHARE * spec.maxSpeed() * random.nextDouble();
        double[] bv = polar(backgroundSpeed, uniform(0, 2 * Math.PI));
        Surface background =
                Surface.background(
                        new ProceduralTexture(random),
                        Motion.translation(uniform(-500, 500), uniform(-500, 500), bv[0], bv[1]));
        List<Surface> layers = new ArrayList<>();
        for (int i = 0; i < spec.layers(); i++) {
            layers.add(layer(bv));
        }
        return new Scene(background, layers);
    }

    private Surface layer(double[] backgroundVelocity) {
        double radius = Math.min(spec.width(), spec.height()) * uniform(0.14, 0.28);
        Shape outline = outline(radius);
        ProceduralTexture texture = new ProceduralTexture(random);
        double x0 = spec.width() * uniform(0.2, 0.8);
        double y0 = spec.height() * uniform(0.2, 0.8);
        double angle0 = uniform(0, 2 * Math.PI);
        boolean affine = spec.motion() == MotionKind.AFFINE;
        double[] v = velocity(affine ? TRANSLATION_SHARE : 1.0, backgroundVelocity);
        if (!affine) {
            return new Surface(outline, texture, new Motion(x0, y0, v[0], v[1], angle0, 0, 1, 0));
        }
        // A point at distance r from the centre moves about r * (|w| + |s|) per frame from
        // rotation w and scale rate s; bound r by 1.5 radii since the layer may grow by 1.5x.
        double reach = 1.5 * radius;
        double angular = signed(ROTATION_SHARE * spec.maxSpeed() / reach);
        double scaleRate =
                signed(
                        Math.min(
                                SCALING_SHARE * spec.maxSpeed() / reach,
                                MAX_SCALE_CHANGE / (spec.frames() - 1)));
        return new Surface(
                outline, texture, new Motion(x0, y0, v[0], v[1], angle0, angular, 1, scaleRate));
    }

    private Shape outline(double radius) {
        return switch (random.nextInt(3)) {
            case 0 -> new Shape.Ellipse(radius * uniform(0.7, 1), radius * uniform(0.5, 1));
            case 1 -> {
                double hw = radius * uniform(0.6, 1);
                double hh = radius * uniform(0.5, 1);
                yield new Shape.RoundedRect(hw, hh, Math.min(hw, hh) * uniform(0.1, 0.5));
            }
            default -> polygon(radius);
        };
    }

    /** A star-shaped polygon: vertices at increasing angles, so its edges never cross. */
    private Shape polygon(double radius) {
        int n = 5 + random.nextInt(4);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * (k + uniform(-0.3, 0.3)) / n;
            double r = radius * uniform(0.6, 1);
            xs[k] = r * StrictMath.cos(angle);
            ys[k] = r * StrictMath.sin(angle);
        }
        return new Shape.Polygon(xs, ys);
    }

    /** A velocity of up to {@code share} of the maximum speed, differing from the background's. */
    private double[] velocity(double share, double[] backgroundVelocity) {
        double max = share * spec.maxSpeed();
        double minRelative = MIN_RELATIVE_SPEED_SHARE * spec.maxSpeed();
        double[] v = polar(max * uniform(0.3, 1), uniform(0, 2 * Math.PI));
        for (int tries = 0;
                tries < 32 && relativeSpeed(v, backgroundVelocity) < minRelative;
                tries++) {
            v = polar(max * uniform(0.3, 1), uniform(0, 2 * Math.PI));
        }
        return v;
    }

    private static double relativeSpeed(double[] v, double[] w) {
        return Math.hypot(v[0] - w[0], v[1] - w[1]);
    }

    private static double[] polar(double length, double angle) {
        return new double[] {length * StrictMath.cos(angle), length * StrictMath.sin(angle)};
    }

    private double signed(double magnitude) {
        return (random.nextBoolean() ? 1 : -1) * magnitude * uniform(0.3, 1);
    }

    private double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
