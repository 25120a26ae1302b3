package io.flowtrace.synth;

import java.util.Objects;

/**
 * What synthetic clip to generate; the same spec always generates the same clip.
 *
 * @param width frame width in pixels (16..8192)
 * @param height frame height in pixels (16..8192)
 * @param frames number of frames (at least 2: the query frame 0 and one target frame)
 * @param layers number of textured layers over the background (0..32)
 * @param motion how layers move
 * @param maxSpeed bound on how far a surface point moves per frame, in pixels (approximate for
 *     {@link MotionKind#AFFINE})
 * @param queries number of query points on frame 0 (1..width*height/4)
 * @param seed the seed every random choice derives from
 */
public record SceneSpec(
        int width,
        int height,
        int frames,
        int layers,
        MotionKind motion,
        double maxSpeed,
        int queries,
        long seed) {

    private static final int MIN_SIZE = 16;
    private static final int MAX_SIZE = 8192;
    private static final int MAX_LAYERS = 32;

    public SceneSpec {
        Objects.requireNonNull(motion, "motion");
        checkRange("width", width, MIN_SIZE, MAX_SIZE);
        checkRange("height", height, MIN_SIZE, MAX_SIZE);
        checkRange("frames", frames, 2, 100_000);
        checkRange("layers", layers, 0, MAX_LAYERS);
        if (!(maxSpeed >= 0) || Double.isInfinite(maxSpeed)) {
            throw new IllegalArgumentException(
                    "maxSpeed must be a finite number >= 0 px/frame, was " + maxSpeed);
        }
        // A quarter of the pixels at most, so that distinct query pixels are easy to find.
        checkRange("queries", queries, 1, width * height / 4);
    }

    /**
     * The pure-translation preset for tracker accuracy tests: 256x256, 2 frames, 2 or 3 layers (by
     * seed), translation only at up to 6 px/frame, 64 queries.
     */
    public static SceneSpec translation(long seed) {
        return builder().layers(2 + (int) Math.floorMod(seed, 2L)).seed(seed).build();
    }

    /**
     * A builder starting from the defaults: 256x256, 2 frames, 3 layers, TRANSLATION, 6 px/frame,
     * 64 queries, seed 0.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder()
                .size(width, height)
                .frames(frames)
                .layers(layers)
                .motion(motion)
                .maxSpeed(maxSpeed)
                .queries(queries)
                .seed(seed);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in " + min + ".." + max + ", was " + value);
        }
    }

    /** Builds a {@link SceneSpec}; {@link #build()} validates. */
    public static final class Builder {
        private int width = 256;
        private int height = 256;
        private int frames = 2;
        private int layers = 3;
        private MotionKind motion = MotionKind.TRANSLATION;
        private double maxSpeed = 6.0;
        private int queries = 64;
        private long seed;

        private Builder() {}

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder frames(int frames) {
            this.frames = frames;
            return this;
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        public Builder motion(MotionKind motion) {
            this.motion = motion;
            return this;
        }

        public Builder maxSpeed(double maxSpeed) {
            this.maxSpeed = maxSpeed;
            return this;
        }

        public Builder queries(int queries) {
            this.queries = queries;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The spec, after validating every field. */
        public SceneSpec build() {
            return new SceneSpec(width, height, frames, layers, motion, maxSpeed, queries, seed);
        }
    }
}
