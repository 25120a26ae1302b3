package io.flowtrace.cli.picture;

import java.awt.Color;

/** A colour ramp from [0, 1] to sRGB, held as a 256-entry lookup table. */
final class ColourMap {

    /**
     * An inferno-like ramp for divergence maps: near-black {@code #000004} at 0 through purple, red
     * and orange to pale yellow {@code #FCFFA4} at 1. Its luminance rises monotonically, so a hot
     * cell stays the brightest one even in grey.
     */
    static final ColourMap HEAT =
            new ColourMap(
                    0x000004, 0x1B0C42, 0x4B0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06,
                    0xF7D13D, 0xFCFFA4);

    /**
     * A diverging ramp for track errors: blue (small) through pale yellow to red (large). It avoids
     * green, which the pictures keep for ground truth.
     */
    static final ColourMap ERROR = new ColourMap(0x4575B4, 0x91BFDB, 0xFFFFBF, 0xFC8D59, 0xD73027);

    private static final int SIZE = 256;

    private final int[] table = new int[SIZE];

    /** A ramp through {@code stops} (0xRRGGBB), evenly spaced, linear in sRGB between them. */
    ColourMap(int... stops) {
        if (stops.length < 2) {
            throw new IllegalArgumentException("a ramp needs 2 stops, got " + stops.length);
        }
        for (int i = 0; i < SIZE; i++) {
            double pos = (double) i / (SIZE - 1) * (stops.length - 1);
            int lo = Math.min((int) pos, stops.length - 2);
            table[i] = mix(stops[lo], stops[lo + 1], pos - lo);
        }
    }

    private static int mix(int a, int b, double f) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xFF;
            int cb = (b >> shift) & 0xFF;
            rgb |= (int) Math.round(ca + (cb - ca) * f) << shift;
        }
        return rgb;
    }

    /** The colour of {@code v} as 0xRRGGBB; values outside [0, 1] are clamped, NaN reads as 0. */
    int rgb(double v) {
        double clamped = v >= 0 ? Math.min(v, 1) : 0;
        return table[(int) Math.round(clamped * (SIZE - 1))];
    }

    /** The colour of {@code v}, as {@link #rgb(double)}. */
    Color colour(double v) {
        return new Color(rgb(v));
    }
}
