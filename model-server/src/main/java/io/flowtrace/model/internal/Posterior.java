package io.flowtrace.model.internal;

/**
 * A sparse distribution over displacements: {@code displacement[i]} (window index {@code (dy + R) *
 * (2R + 1) + dx + R}) has probability {@code probability[i]}.
 */
record Posterior(int[] displacement, float[] probability) {

    static final Posterior EMPTY = new Posterior(new int[0], new float[0]);

    int size() {
        return displacement.length;
    }
}
