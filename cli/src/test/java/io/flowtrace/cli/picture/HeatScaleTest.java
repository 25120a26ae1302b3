package io.flowtrace.cli.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeatScaleTest {

    @Test
    void logScaleSpreadsThreeDecadesBelowThePeak() {
        assertThat(HeatScale.LOG.position(2.0, 2.0)).isEqualTo(1.0);
        assertThat(HeatScale.LOG.position(0.2, 2.0)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(HeatScale.LOG.position(0.02, 2.0)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(HeatScale.LOG.position(0.0001, 2.0)).isZero();
        assertThat(HeatScale.LOG.position(0, 2.0)).isZero();
    }

    @Test
    void linearScaleDividesByThePeak() {
        assertThat(HeatScale.LINEAR.position(0.5, 2.0)).isEqualTo(0.25);
        assertThat(HeatScale.LINEAR.position(-1, 2.0)).isZero();
    }

    @Test
    void mapsWithoutAPositivePeakAreColdEverywhere() {
        assertThat(HeatScale.LOG.position(0, 0)).isZero();
        assertThat(HeatScale.LINEAR.position(0, 0)).isZero();
    }

    @Test
    void ticksEndAtThePeak() {
        assertThat(HeatScale.LOG.ticks(2.0))
                .extracting(Legend.Tick::label)
                .containsExactly("0.00200", "0.0200", "0.200", "2.00");
        assertThat(HeatScale.LOG.relativeTicks())
                .extracting(Legend.Tick::position)
                .last()
                .isEqualTo(1.0);
    }
}
