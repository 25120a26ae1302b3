package io.flowtrace.synth;

import java.util.Objects;

/**
 * A textured surface: the background (no outline, covers everything) or a layer with an outline;
 * both textured in local coordinates and moved by their motion.
 */
record Surface(Shape outline, ProceduralTexture texture, Motion motion) {

    Surface {
        Objects.requireNonNull(texture, "texture");
        Objects.requireNonNull(motion, "motion");
    }

    /** The background: it covers the whole plane. */
    static Surface background(ProceduralTexture texture, Motion motion) {
        return new Surface(null, texture, motion);
    }

    /** True when local point (x, y) is on the surface. */
    boolean covers(double x, double y) {
        return outline == null || outline.contains(x, y);
    }
}
