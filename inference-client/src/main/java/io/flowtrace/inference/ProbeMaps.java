package io.flowtrace.inference;

import java.util.Arrays;

/**
 * The divergence maps of one crop pair: one {@code G x G} map per (probe point, seed), stored
 * row-major as {@code [P][S][G][G]}, the layout of the {@link ModelTensors#DIVERGENCE} tensor, and
 * the transformer tokens the model reports the pair cost ({@link ModelTensors#TOKENS}).
 */
public final class ProbeMaps {

    private final int points;
    private final int seeds;
    private final int gridSize;
    private final float[] values;
    private final long tokens;

    public ProbeMaps(int points, int seeds, int gridSize, float[] values, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
        }
        if (points <= 0 || seeds <= 0 || gridSize <= 0) {
            throw new IllegalArgumentException(
                    "points, seeds and grid size must be positive: "
                            + points
                            + ", "
                            + seeds
                            + ", "
                            + gridSize);
        }
        if (values.length != points * seeds * gridSize * gridSize) {
            throw new IllegalArgumentException(
                    "expected "
                            + (points * seeds * gridSize * gridSize)
                            + " map values for "
                            + points
                            + " points x "
                            + seeds
                            + " seeds x "
                            + gridSize
                            + "^2, got "
                            + values.length);
        }
        this.points = points;
        this.seeds = seeds;
        this.gridSize = gridSize;
        this.values = values;
        this.tokens = tokens;
    }

    public int points() {
        return points;
    }

    public int seeds() {
        return seeds;
    }

    public int gridSize() {
        return gridSize;
    }

    /** Transformer tokens the model computed for this pair, all points and seeds together. */
    public long tokens() {
        return tokens;
    }

    /** A copy of the map for a (point, seed), row-major {@code G x G}. */
    public float[] map(int point, int seed) {
        int cells = gridSize * gridSize;
        int from = (point * seeds + seed) * cells;
        return Arrays.copyOfRange(values, from, from + cells);
    }

    /** The value at (row, col) of the map for a (point, seed). */
    public float value(int point, int seed, int row, int col) {
        return values[((point * seeds + seed) * gridSize + row) * gridSize + col];
    }

    /** The backing array in tensor layout; not copied. */
    public float[] rawValues() {
        return values;
    }
}
