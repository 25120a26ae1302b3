package io.flowtrace.synth;

import java.util.Random;

/**
 * An infinite colour texture that is a continuous function of (u, v): per channel a base level, a
 * few sinusoids of random orientation and frequency, and three octaves of value noise (random
 * lattice values, smoothly interpolated) on rotated lattices. The fine octave keeps every 8x8 patch
 * distinctive; no area is flat.
 */
final class ProceduralTexture {

    private static final int SINES = 3;
    private static final double[][] OCTAVE_SPACING = {{3.5, 5.0}, {9.0, 14.0}, {24.0, 40.0}};
    private static final double[] OCTAVE_AMPLITUDE = {42, 34, 46};

    private final long seed;
    private final double[] base = new double[3];
    // Per channel and sinusoid: wave vector (kx, ky), phase, amplitude.
    private final double[][] sines = new double[3 * SINES][4];
    // Per octave: 1/spacing, rotation (cos, sin), offset (ox, oy).
    private final double[][] octaves = new double[OCTAVE_SPACING.length][5];
    private final double[][] noiseAmplitude = new double[OCTAVE_SPACING.length][3];

    ProceduralTexture(Random random) {
        this.seed = random.nextLong();
        for (int c = 0; c < 3; c++) {
            base[c] = 70 + 115 * random.nextDouble();
        }
        for (double[] sine : sines) {
            double frequency = Math.exp(uniform(random, Math.log(1 / 48.0), Math.log(1 / 10.0)));
            double direction = uniform(random, 0, 2 * Math.PI);
            sine[0] = 2 * Math.PI * frequency * StrictMath.cos(direction);
            sine[1] = 2 * Math.PI * frequency * StrictMath.sin(direction);
            sine[2] = uniform(random, 0, 2 * Math.PI);
            sine[3] = uniform(random, 5, 12);
        }
        for (int o = 0; o < octaves.length; o++) {
            double angle = uniform(random, 0, 2 * Math.PI);
            octaves[o][0] = 1 / uniform(random, OCTAVE_SPACING[o][0], OCTAVE_SPACING[o][1]);
            octaves[o][1] = StrictMath.cos(angle);
            octaves[o][2] = StrictMath.sin(angle);
            octaves[o][3] = uniform(random, 0, 1000);
            octaves[o][4] = uniform(random, 0, 1000);
            for (int c = 0; c < 3; c++) {
                noiseAmplitude[o][c] = OCTAVE_AMPLITUDE[o] * uniform(random, 0.6, 1.0);
            }
        }
    }

    /** Writes the colour at (u, v), each channel in [0, 255], into {@code rgb}. */
    void sample(double u, double v, double[] rgb) {
        for (int c = 0; c < 3; c++) {
            double value = base[c];
            for (int s = 0; s < SINES; s++) {
                double[] sine = sines[c * SINES + s];
                value += sine[3] * StrictMath.sin(sine[0] * u + sine[1] * v + sine[2]);
            }
            rgb[c] = value;
        }
        for (int o = 0; o < octaves.length; o++) {
            addNoise(o, u, v, rgb);
        }
        for (int c = 0; c < 3; c++) {
            rgb[c] = Math.min(255, Math.max(0, rgb[c]));
        }
    }

    private void addNoise(int octave, double u, double v, double[] rgb) {
        double[] o = octaves[octave];
        double x = (o[1] * u - o[2] * v) * o[0] + o[3];
        double y = (o[2] * u + o[1] * v) * o[0] + o[4];
        long ix = (long) Math.floor(x);
        long iy = (long) Math.floor(y);
        double fx = fade(x - ix);
        double fy = fade(y - iy);
        long h00 = hash(octave, ix, iy);
        long h10 = hash(octave, ix + 1, iy);
        long h01 = hash(octave, ix, iy + 1);
        long h11 = hash(octave, ix + 1, iy + 1);
        for (int c = 0; c < 3; c++) {
            int shift = 16 * c;
            double top = lerp(lattice(h00, shift), lattice(h10, shift), fx);
            double bottom = lerp(lattice(h01, shift), lattice(h11, shift), fx);
            rgb[c] += noiseAmplitude[octave][c] * lerp(top, bottom, fy);
        }
    }

    /** A lattice value in [-1, 1] from 16 bits of a hash. */
    private static double lattice(long hash, int shift) {
        return ((hash >>> shift) & 0xFFFF) / 32767.5 - 1;
    }

    private long hash(int octave, long ix, long iy) {
        long h = seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL) ^ octave;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** Smoothstep weights: value noise stays continuous with a continuous first derivative. */
    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
