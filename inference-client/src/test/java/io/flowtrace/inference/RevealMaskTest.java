package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RevealMaskTest {

    @Test
    void revealsTenPercentOfPatchesAtTheDefaultRatio() {
        assertThat(RevealMask.revealedCount(0.9)).isEqualTo(102);
        assertThat(RevealMask.revealedIndices(1110, 0.9)).hasSize(102);
        assertThat(RevealMask.revealedCount(0.0)).isEqualTo(1024);
    }

    @Test
    void isDeterministicPerSeed() {
        assertThat(RevealMask.revealedIndices(1112, 0.9))
                .containsExactly(RevealMask.revealedIndices(1112, 0.9));
    }

    @Test
    void differentSeedsRevealDifferentPatches() {
        assertThat(RevealMask.revealedIndices(1110, 0.9))
                .isNotEqualTo(RevealMask.revealedIndices(1111, 0.9));
    }

    @Test
    void revealsDistinctPatchesInRange() {
        int[] idx = RevealMask.revealedIndices(42, 0.7);

        assertThat(Arrays.stream(idx).distinct().count()).isEqualTo(idx.length);
        assertThat(Arrays.stream(idx).boxed()).allMatch(i -> i >= 0 && i < ModelTensors.PATCHES);
    }

    @Test
    void flagsMatchIndices() {
        boolean[] flags = RevealMask.revealed(7, 0.9);
        int[] idx = RevealMask.revealedIndices(7, 0.9);

        int set = 0;
        for (boolean f : flags) {
            set += f ? 1 : 0;
        }
        assertThat(set).isEqualTo(idx.length);
        assertThat(Arrays.stream(idx).boxed()).allMatch(i -> flags[i]);
    }

    @Test
    void matchesThePinnedSplitMixSequence() {
        // the same values come out of the definition in any language (checked with a Python port)
        assertThat(Arrays.copyOf(RevealMask.revealedIndices(1110, 0.9), 6))
                .containsExactly(546, 894, 267, 861, 110, 689);
    }
}
