package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReorderIndexTest {

    @Test
    void keepsSequencesInOrderWhateverTheArrivalOrder() {
        ReorderIndex index = ReorderIndex.empty().with(5, 500).with(2, 200).with(9, 900);

        assertThat(index.sequences()).containsExactly(2, 5, 9);
        assertThat(index.captureTimes()).containsExactly(200, 500, 900);
        assertThat(index.first()).isEqualTo(2);
        assertThat(index.last()).isEqualTo(9);
        assertThat(index.withoutFirst().sequences()).containsExactly(5, 9);
    }

    @Test
    void ripeUpToIsTheHighestSequenceCapturedByTheWatermark() {
        ReorderIndex index = ReorderIndex.empty().with(1, 100).with(2, 300).with(3, 200);

        assertThat(index.ripeUpTo(99)).isEqualTo(OptionalLong.empty());
        assertThat(index.ripeUpTo(100)).isEqualTo(OptionalLong.of(1));
        // Frame 3 was captured before frame 2: releasing it takes frame 2 along, in order.
        assertThat(index.ripeUpTo(250)).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void knowsWhichCaptureTimesAreStillBuffered() {
        ReorderIndex index = ReorderIndex.empty().with(1, 100).with(2, 100);

        assertThat(index.withoutFirst().hasCaptureTime(100)).isTrue();
        assertThat(index.withoutFirst().withoutFirst().hasCaptureTime(100)).isFalse();
    }

    @Test
    void refusesASequenceTwice() {
        ReorderIndex index = ReorderIndex.empty().with(1, 100);

        assertThat(index.contains(1)).isTrue();
        assertThatThrownBy(() -> index.with(1, 100)).hasMessageContaining("already buffered");
    }
}
