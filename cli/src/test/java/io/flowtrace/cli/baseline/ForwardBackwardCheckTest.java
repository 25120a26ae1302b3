package io.flowtrace.cli.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import org.junit.jupiter.api.Test;

class ForwardBackwardCheckTest {

    private static final ForwardBackwardCheck CHECK = new ForwardBackwardCheck(2.0, 0.05);
    private static final Point QUERY = new Point(50, 40);

    private static PointEstimate judge(Point forward, Point back) {
        return CHECK.judge(QUERY, forward, back, 100, 80);
    }

    @Test
    void roundTripWithinTheToleranceIsVisibleAtTheForwardEstimate() {
        PointEstimate e = judge(new Point(60, 40), new Point(51.5, 41));

        assertThat(e.visible()).isTrue();
        assertThat(e.position()).isEqualTo(new Point(60, 40));
        assertThat(e.cycleError()).isCloseTo(Math.hypot(1.5, 1), within(1e-12));
        assertThat(e.passes()).isZero();
    }

    @Test
    void roundTripBeyondTheToleranceIsOccluded() {
        assertThat(judge(new Point(50, 40), new Point(52.1, 40)).visible()).isFalse();
    }

    @Test
    void toleranceGrowsByFivePercentOfTheMotion() {
        // 40 px of motion: 2 + 0.05 * 40 = 4 px
        assertThat(judge(new Point(90, 40), new Point(53.9, 40)).visible()).isTrue();
        assertThat(judge(new Point(90, 40), new Point(54.1, 40)).visible()).isFalse();
    }

    @Test
    void estimateOffTheFrameIsOccludedEvenWhenTheRoundTripIsExact() {
        assertThat(judge(new Point(100, 40), QUERY).visible()).isFalse();
        assertThat(judge(new Point(50, -0.6), QUERY).visible()).isFalse();
    }

    @Test
    void frameExtendsHalfAPixelBeyondTheBorderPixelCentres() {
        assertThat(judge(new Point(99.5, 79.5), QUERY).visible()).isTrue();
        assertThat(judge(new Point(-0.5, -0.5), QUERY).visible()).isTrue();
    }

    @Test
    void pointLostOnTheWayBackIsOccludedAtItsForwardEstimate() {
        PointEstimate e = judge(new Point(60, 40), null);

        assertThat(e.visible()).isFalse();
        assertThat(e.position()).isEqualTo(new Point(60, 40));
        assertThat(e.cycleError()).isNaN();
    }

    @Test
    void pointLostOnTheWayThereIsOccludedWhereItWas() {
        PointEstimate e = judge(null, null);

        assertThat(e.visible()).isFalse();
        assertThat(e.position()).isEqualTo(QUERY);
    }

    @Test
    void rejectsNegativeOrNanTolerances() {
        assertThatThrownBy(() -> new ForwardBackwardCheck(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0 px");
        assertThatThrownBy(() -> new ForwardBackwardCheck(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
