package io.flowtrace.job;

/** Whether {@link QueryRegistryFunction} places points of its own on a camera nobody queried. */
public enum SeedingMode {
    /** Only the queries' points are tracked. */
    NONE,
    /** A regular grid is placed on a camera's first pair when it has no points yet. */
    GRID,
    /**
     * The image corners (Shi-Tomasi) of a camera's first pair are placed when it has no points yet:
     * as many as a grid would hold, at least half a grid spacing apart.
     */
    CORNERS
}
