package io.flowtrace.app.job;

/** Whether {@link QueryRegistryFunction} places points of its own on a camera nobody queried. */
public enum SeedingMode {
    /** Only the queries' points are tracked. */
    NONE,
    /** A regular grid is placed on a camera's first pair when it has no points yet. */
    GRID
}
