package io.flowtrace.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReanchoringTest {

    @Test
    void movesOnEverySightingByDefault() {
        assertThat(Reanchoring.moves(Reanchoring.EVERY_SIGHTING, true, 1)).isTrue();
        assertThat(Reanchoring.moves(Reanchoring.EVERY_SIGHTING, false, 1))
                .as("an occluded point keeps its anchor")
                .isFalse();
    }

    @Test
    void waitsTheGivenNumberOfFramesFromTheAnchor() {
        assertThat(Reanchoring.moves(3, true, 2)).isFalse();
        assertThat(Reanchoring.moves(3, true, 3)).isTrue();
        assertThat(Reanchoring.moves(3, true, 7)).isTrue();
    }

    @Test
    void neverMovesAtZero() {
        assertThat(Reanchoring.moves(0, true, 1)).isFalse();
        assertThat(Reanchoring.moves(0, true, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void refusesNegativeSettingsAndDistances() {
        assertThatThrownBy(() -> Reanchoring.moves(-1, true, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was -1");
        assertThatThrownBy(() -> Reanchoring.moves(1, true, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was -2");
    }
}
