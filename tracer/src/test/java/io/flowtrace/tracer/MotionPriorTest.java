package io.flowtrace.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MotionPriorTest {

    @Test
    void movesAPointOnByItsMotionPerFrameEitherWay() {
        Point v = MotionPrior.velocity(new Point(10, 4), 2, new Point(30, 0), 4);

        assertThat(v).isEqualTo(new Point(10, -2));
        assertThat(MotionPrior.prior(new Point(30, 0), 4, v, 5)).isEqualTo(new Point(40, -2));
        // walking backwards: seen on 5 then 4, so on 3 it lies one more step back
        Point back = MotionPrior.velocity(new Point(40, 0), 5, new Point(30, 0), 4);
        assertThat(MotionPrior.prior(new Point(30, 0), 4, back, 3)).isEqualTo(new Point(20, 0));
    }

    @Test
    void givesNoPriorWithoutAKnownMotionOrBeyondTheNextFrame() {
        assertThat(MotionPrior.velocity(new Point(1, 1), 3, new Point(2, 2), 3)).isNull();
        assertThat(MotionPrior.prior(new Point(1, 1), 3, null, 4)).isNull();
        assertThat(MotionPrior.prior(new Point(1, 1), 3, new Point(1, 0), 5)).isNull();
        assertThat(MotionPrior.prior(new Point(1, 1), 3, new Point(1, 0), 3)).isNull();
    }
}
