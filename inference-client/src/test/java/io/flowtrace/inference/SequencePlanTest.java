package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequencePlanTest {

    @Test
    void everyBitValueRoundTrips() {
        for (int bits = 0; bits <= 7; bits++) {
            assertThat(SequencePlan.fromBits(bits).bits()).isEqualTo(bits);
            assertThat(SequencePlan.parse(SequencePlan.fromBits(bits).toString()).bits())
                    .isEqualTo(bits);
        }
        assertThat(SequencePlan.parse("shared")).isEqualTo(SequencePlan.fromBits(7));
        assertThat(SequencePlan.parse("plain")).isEqualTo(SequencePlan.fromBits(0));
    }

    @Test
    void refusesValuesOutsideTheBits() {
        assertThatThrownBy(() -> SequencePlan.fromBits(8)).hasMessageContaining("0 to 7, was 8");
        assertThatThrownBy(() -> SequencePlan.parse("fast"))
                .hasMessageContaining("plain, shared or 0 to 7, was 'fast'");
    }
}
