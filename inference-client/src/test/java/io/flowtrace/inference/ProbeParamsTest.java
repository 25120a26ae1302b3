package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeParamsTest {

    @Test
    void paperRecipeHasThePublishedValues() {
        ProbeParams p = ProbeParams.PAPER;

        assertThat(p.sigma()).isEqualTo(2.0);
        assertThat(p.amplitude()).isEqualTo(255.0);
        assertThat(p.maskRatio()).isEqualTo(0.9);
        assertThat(p.readout()).isEqualTo(Readout.KL);
        assertThat(p.mapSize()).isEqualTo(32);
        assertThat(p.revealedPatches()).isEqualTo(102);
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> ProbeParams.PAPER.withSigma(0))
                .hasMessageContaining("sigma")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> ProbeParams.PAPER.withMaskRatio(1.0))
                .hasMessageContaining("mask ratio");
        assertThatThrownBy(() -> ProbeParams.PAPER.withMapSize(48)).hasMessageContaining("48");
        assertThatThrownBy(() -> ProbeParams.PAPER.withAmplitude(Double.NaN))
                .hasMessageContaining("amplitude");
    }

    @Test
    void probePairRejectsWrongCropSizeAndBadPoints() {
        RgbImage crop = RgbImage.blank(256, 256);
        RgbImage small = RgbImage.blank(128, 128);

        assertThatThrownBy(() -> new ProbePair(small, crop, new float[] {1, 1}, new long[] {1}))
                .hasMessageContaining("frame1")
                .hasMessageContaining("128x128");
        assertThatThrownBy(
                        () -> new ProbePair(crop, crop, new float[] {1, Float.NaN}, new long[] {1}))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new ProbePair(crop, crop, new float[] {1}, new long[] {1}))
                .hasMessageContaining("x, y pairs");
    }
}
