package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReleasedSequencesTest {

    @Test
    void remembersReleasedSequencesAndTheGapsBetweenThem() {
        long mask = 1L; // sequence 10 released
        mask = ReleasedSequences.advance(mask, 10, 11);
        mask = ReleasedSequences.advance(mask, 11, 14);

        assertThat(ReleasedSequences.contains(mask, 14, 14)).isTrue();
        assertThat(ReleasedSequences.contains(mask, 14, 13)).isFalse();
        assertThat(ReleasedSequences.contains(mask, 14, 12)).isFalse();
        assertThat(ReleasedSequences.contains(mask, 14, 11)).isTrue();
        assertThat(ReleasedSequences.contains(mask, 14, 10)).isTrue();
        assertThat(ReleasedSequences.contains(mask, 14, 15)).isFalse();
    }

    @Test
    void forgetsSequencesMoreThanAWindowBehind() {
        long mask = 1L;
        for (long s = 1; s < ReleasedSequences.WINDOW; s++) {
            mask = ReleasedSequences.advance(mask, s - 1, s);
        }
        long newest = ReleasedSequences.WINDOW - 1;

        assertThat(ReleasedSequences.contains(mask, newest, 0)).isTrue();
        mask = ReleasedSequences.advance(mask, newest, newest + 1);
        assertThat(ReleasedSequences.contains(mask, newest + 1, 0)).isFalse();
        assertThat(ReleasedSequences.contains(mask, newest + 1, 1)).isTrue();
        assertThat(ReleasedSequences.advance(mask, newest + 1, newest + 500)).isEqualTo(1L);
    }
}
