package io.flowtrace.cli.picture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourMapTest {

    /** Relative luminance (Rec. 709 weights on linear sRGB) of 0xRRGGBB. */
    private static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Test
    void heatLuminanceRisesMonotonicallyFromColdToHot() {
        double previous = -1;
        for (int i = 0; i <= 1000; i++) {
            double lum = luminance(ColourMap.HEAT.rgb(i / 1000.0));
            assertThat(lum).as("luminance at %d/1000", i).isGreaterThanOrEqualTo(previous);
            previous = lum;
        }
        assertThat(luminance(ColourMap.HEAT.rgb(1)))
                .isGreaterThan(luminance(ColourMap.HEAT.rgb(0)) + 0.9);
    }

    @Test
    void heatRunsFromNearBlackToPaleYellow() {
        assertThat(ColourMap.HEAT.rgb(0)).isEqualTo(0x000004);
        assertThat(ColourMap.HEAT.rgb(1)).isEqualTo(0xFCFFA4);
    }

    @Test
    void errorRampRunsFromBlueToRed() {
        assertThat(ColourMap.ERROR.rgb(0)).isEqualTo(0x4575B4);
        assertThat(ColourMap.ERROR.rgb(1)).isEqualTo(0xD73027);
    }

    @Test
    void clampsValuesOutsideTheRangeAndReadsNotANumberAsCold() {
        assertThat(ColourMap.HEAT.rgb(-3)).isEqualTo(ColourMap.HEAT.rgb(0));
        assertThat(ColourMap.HEAT.rgb(7)).isEqualTo(ColourMap.HEAT.rgb(1));
        assertThat(ColourMap.HEAT.rgb(Double.NaN)).isEqualTo(ColourMap.HEAT.rgb(0));
    }
}
