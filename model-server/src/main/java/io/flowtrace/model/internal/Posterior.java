package io.flowtrace.model.internal;

/**
 * A sparse distribution over displacements: {@code displacement[i]} (window index {@code (dy + R) *
 * (2R + 1) + dx + R}) has probability {@code probability[i]}.
 */
record Posterior(int[] displacement, float[] probability, float[] relative) {

    static final Posterior EMPTY = new Posterior(new int[0], new float[0], null);

    /** Probability of window index {@code d} relative to the most likely displacement. */
    float relativeAt(int d) {
        return relative == null ? 0f : relative[d];
    }

    int size() {
        return displacement.length;
    }
}
