package io.flowtrace.model.internal;

/**
 * Unnormalised weights of a hidden patch's candidate displacements: {@code weights} is dense over
 * the search window, {@code order[0..used)} lists the candidates in the order they were found.
 */
record Displacements(float[] weights, int[] order, int used) {}
