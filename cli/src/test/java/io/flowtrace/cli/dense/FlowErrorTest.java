package io.flowtrace.cli.dense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.flow.FlowField;
import org.junit.jupiter.api.Test;

class FlowErrorTest {

    @Test
    void averagesTheDistanceOverPixelsKnownInBoth() {
        FlowField estimate =
                new FlowField(3, 1, new float[] {3, 0, Float.NaN}, new float[] {4, 0, 0});
        FlowField truth = new FlowField(3, 1, new float[] {0, 0, 0}, new float[] {0, 1, 0});

        // pixel 0 misses by 5, pixel 1 by 1, pixel 2 is unknown in the estimate
        assertThat(FlowError.endPointError(estimate, truth)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void isNanWhenNoPixelIsKnownInBoth() {
        assertThat(FlowError.endPointError(FlowField.unknown(2, 2), FlowField.unknown(2, 2)))
                .isNaN();
    }

    @Test
    void rejectsFieldsOfDifferentSizes() {
        assertThatThrownBy(
                        () ->
                                FlowError.endPointError(
                                        FlowField.unknown(2, 2), FlowField.unknown(3, 2)))
                .hasMessageContaining("2x2")
                .hasMessageContaining("3x2");
    }
}
