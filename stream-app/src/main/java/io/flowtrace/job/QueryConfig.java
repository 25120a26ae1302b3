package io.flowtrace.job;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link QueryRegistryFunction}.
 *
 * @param seeding whether a camera without points gets points of its own on its first pair
 * @param gridSpacing distance in pixels between seeded grid points; with {@link
 *     SeedingMode#CORNERS}, corners are at least half this apart and no more than a grid's
 * @param maxPoints most points (placed or waiting for their frame) a camera may hold; further ADDs
 *     of new ids are counted and ignored, and a seeded grid is cut to this many
 * @param idleTimeout a camera that sends no pair and no query for this long is forgotten
 */
public record QueryConfig(SeedingMode seeding, int gridSpacing, int maxPoints, Duration idleTimeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public QueryConfig {
        Objects.requireNonNull(seeding, "seeding");
        if (gridSpacing < 1) {
            throw new IllegalArgumentException("gridSpacing must be >= 1 px, was " + gridSpacing);
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be >= 1, was " + maxPoints);
        }
        ConfigChecks.requirePositive("idleTimeout", idleTimeout);
    }

    /** No seeding (grid spacing 32 px if switched on), 1024 points, one hour idle. */
    public static QueryConfig defaults() {
        return new QueryConfig(SeedingMode.NONE, 32, 1024, Duration.ofHours(1));
    }

    /** These settings seeding image corners, as many as a grid of {@code spacing} pixels. */
    public QueryConfig withCorners(int spacing) {
        return new QueryConfig(SeedingMode.CORNERS, spacing, maxPoints, idleTimeout);
    }

    /** These settings with a seeded grid of {@code spacing} pixels. */
    public QueryConfig withGrid(int spacing) {
        return new QueryConfig(SeedingMode.GRID, spacing, maxPoints, idleTimeout);
    }
}
