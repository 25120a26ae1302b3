package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WatermarkHoldTest {

    @Test
    void passesTheInputWatermarkWhenNothingWaits() {
        WatermarkHold hold = new WatermarkHold();
        hold.input(100);

        assertThat(hold.advance()).hasValue(100);
        assertThat(hold.advance()).as("nothing new").isEmpty();
    }

    @Test
    void holdsTheWatermarkJustBelowTheEarliestWaitingRequest() {
        WatermarkHold hold = new WatermarkHold();
        hold.add(50);
        hold.add(80);
        hold.input(100);

        assertThat(hold.advance()).hasValue(49);
        hold.remove(50);
        assertThat(hold.advance()).hasValue(79);
        hold.remove(80);
        assertThat(hold.advance()).hasValue(100);
        assertThat(hold.size()).isZero();
    }

    @Test
    void countsRequestsWithTheSameTimeOneByOne() {
        WatermarkHold hold = new WatermarkHold();
        hold.add(50);
        hold.add(50);
        hold.input(100);
        hold.remove(50);

        assertThat(hold.advance()).hasValue(49);
        assertThat(hold.size()).isEqualTo(1);
        hold.remove(50);
        assertThat(hold.advance()).hasValue(100);
    }

    @Test
    void neverGoesBack() {
        WatermarkHold hold = new WatermarkHold();
        hold.input(100);
        assertThat(hold.advance()).hasValue(100);

        hold.input(60); // lower: ignored
        hold.add(70); // a request earlier than what was emitted: the watermark stays
        assertThat(hold.advance()).isEmpty();
        hold.input(200);
        assertThat(hold.advance()).isEmpty();
        hold.remove(70);
        assertThat(hold.advance()).isEqualTo(OptionalLong.of(200));
    }

    @Test
    void refusesToRemoveARequestThatDoesNotWait() {
        WatermarkHold hold = new WatermarkHold();
        assertThatThrownBy(() -> hold.remove(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no waiting request at 5");
    }
}
