package io.flowtrace.synth;

/** How the layers of a synthetic scene move. */
public enum MotionKind {
    /** Every layer and the background only translate, each at its own constant velocity. */
    TRANSLATION,
    /** Layers also rotate and scale about their centres; the background translates. */
    AFFINE
}
