package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridSeedingTest {

    @Test
    void placesPointsEverySpacingFromHalfASpacingIn() {
        assertThat(GridSeeding.points(40, 20, 16, 100))
                .containsExactly(
                        new GridSeeding.GridPoint("grid-8-8", 8, 8),
                        new GridSeeding.GridPoint("grid-24-8", 24, 8));
    }

    @Test
    void stopsAtTheLimit() {
        assertThat(GridSeeding.points(256, 256, 8, 10)).hasSize(10);
    }
}
