package io.flowtrace.synth;

import java.util.List;
import java.util.Random;

/** Hand-built scenes with known motion, for exact ground-truth tests. */
final class TestScenes {

    private TestScenes() {}

    /** A texture drawn from {@code seed}. */
    static ProceduralTexture texture(long seed) {
        return new ProceduralTexture(new Random(seed));
    }

    /**
     * A 64x64 scene: background moving (2, -1) px/frame, a 24x20 rounded rectangle centred at (24,
     * 36) moving (-4, 3) px/frame and an ellipse of radii 8x6 centred at (46, 18), on top, moving
     * (3, 2) px/frame.
     */
    static Scene integerMotion() {
        return new Scene(
                Surface.background(texture(1), Motion.translation(0.3, 0.7, 2, -1)),
                List.of(
                        new Surface(
                                new Shape.RoundedRect(12, 10, 3),
                                texture(2),
                                Motion.translation(24, 36, -4, 3)),
                        new Surface(
                                new Shape.Ellipse(8, 6),
                                texture(3),
                                Motion.translation(46, 18, 3, 2))));
    }

    /**
     * A static background under a 20x20 square (corner radius 2) centred at (10, 32) moving right
     * at 8 px/frame: it covers background point (41, 32) in frames 3 to 5 and its centre leaves a
     * 64-pixel-wide view in frame 7.
     */
    static Scene slidingSquare() {
        return new Scene(
                Surface.background(texture(4), Motion.translation(0, 0, 0, 0)),
                List.of(
                        new Surface(
                                new Shape.RoundedRect(10, 10, 2),
                                texture(5),
                                Motion.translation(10, 32, 8, 0))));
    }

    /**
     * A static background under a disc of radius 20 centred at (32, 32) turning 90 degrees per
     * frame.
     */
    static Scene turningDisc() {
        return new Scene(
                Surface.background(texture(6), Motion.translation(0, 0, 0, 0)),
                List.of(
                        new Surface(
                                new Shape.Ellipse(20, 20),
                                texture(7),
                                new Motion(32, 32, 0, 0, 0, Math.PI / 2, 1, 0))));
    }
}
