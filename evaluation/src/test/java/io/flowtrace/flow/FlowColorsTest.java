package io.flowtrace.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flowtrace.inference.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * Expected colours worked out from the wheel: 55 hues, red at step 0, yellow at 15, green at 21,
 * cyan at 25, blue at 36, magenta at 49; step = (atan2(-v, -u) / pi + 1) / 2 * 54.
 */
class FlowColorsTest {

    private static final double MAX = 10;

    @Test
    void zeroFlowIsWhite() {
        assertThat(rgb(0, 0)).containsExactly(255, 255, 255);
    }

    @Test
    void unknownFlowIsBlack() {
        assertThat(rgb(Float.NaN, Float.NaN)).containsExactly(0, 0, 0);
    }

    @Test
    void rightIsRed() {
        // atan2(-0, -1) = -pi: step 0, pure red
        assertThat(rgb(10, 0)).containsExactly(255, 0, 0);
    }

    @Test
    void leftIsSkyBlue() {
        // atan2(-0, 1) = 0: step 27, the third step from cyan to blue: (0, 255 - 255*2/11, 255)
        assertThat(rgb(-10, 0)).containsExactly(0, 209, 255);
    }

    @Test
    void downIsYellow() {
        // +y is down in images; atan2(-1, -0) = -pi/2: step 13.5, between (255, 221, 0) and
        // (255, 238, 0)
        int[] c = rgb(0, 10);
        assertThat(c[0]).isEqualTo(255);
        assertThat(c[1]).isCloseTo(229, within(1));
        assertThat(c[2]).isZero();
    }

    @Test
    void upIsViolet() {
        // atan2(1, -0) = pi/2: step 40.5 on the blue-to-magenta run, between (78, 0, 255) and
        // (98, 0, 255)
        int[] c = rgb(0, -10);
        assertThat(c[0]).isCloseTo(88, within(1));
        assertThat(c[1]).isZero();
        assertThat(c[2]).isEqualTo(255);
    }

    @Test
    void saturationGrowsWithMagnitude() {
        // to the right: red stays 255, green and blue fall from 255 towards 0
        int[] quarter = rgb(2.5f, 0);
        int[] half = rgb(5, 0);
        int[] full = rgb(10, 0);

        assertThat(half).containsExactly(255, 127, 127);
        assertThat(quarter[1]).isGreaterThan(half[1]);
        assertThat(half[1]).isGreaterThan(full[1]);
        assertThat(new int[] {quarter[0], half[0], full[0]}).containsOnly(255);
    }

    @Test
    void flowBeyondTheMaxRadiusIsItsHueDarkened() {
        assertThat(rgb(20, 0)).containsExactly(191, 0, 0);
    }

    @Test
    void defaultMaxRadiusIsTheLongestKnownVector() {
        FlowField flow =
                new FlowField(3, 1, new float[] {3, 1, Float.NaN}, new float[] {4, 0, Float.NaN});

        assertThat(FlowColors.maxRadius(flow)).isEqualTo(5.0);
        assertThat(FlowColors.picture(flow)).isEqualTo(FlowColors.picture(flow, 5.0));
        assertThat(FlowColors.maxRadius(FlowField.unknown(2, 2))).isEqualTo(1.0);
    }

    @Test
    void picturesHaveTheFlowsSize() {
        RgbImage picture = FlowColors.picture(TestFlows.uniform(7, 3, 1, 1), 2);

        assertThat(picture.width()).isEqualTo(7);
        assertThat(picture.height()).isEqualTo(3);
    }

    @Test
    void maxRadiusMustBePositive() {
        FlowField flow = TestFlows.uniform(2, 2, 1, 0);

        assertThatThrownBy(() -> FlowColors.picture(flow, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max radius");
    }

    /** The colour of a 1x1 field moving by (u, v) with max radius 10. */
    private static int[] rgb(float u, float v) {
        RgbImage image =
                FlowColors.picture(new FlowField(1, 1, new float[] {u}, new float[] {v}), MAX);
        return new int[] {image.get(0, 0, 0), image.get(0, 0, 1), image.get(0, 0, 2)};
    }
}
