package io.flowtrace.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.tracer.TracerConfig;
import org.junit.jupiter.api.Test;

class MethodTest {

    private final FakeProbeModel model = new FakeProbeModel();

    @Test
    void kltraceProbesWithTheKlReadout() {
        try (PairTracker tracker = Method.KLTRACE.tracker(TracerConfig.defaults(), () -> model)) {
            assertThat(tracker.describe()).contains("fake:1", "readout=KL,");
            assertThat(tracker.stepsPerPoint()).isEqualTo(5);
        }
    }

    @Test
    void rgbdiffProbesWithTheRgbDifferenceReadout() {
        try (PairTracker tracker = Method.RGBDIFF.tracker(TracerConfig.defaults(), () -> model)) {
            assertThat(tracker.describe()).contains("readout=RGB_DIFF");
        }
    }

    @Test
    void closingTheTrackerClosesItsModel() {
        Method.KLTRACE.tracker(TracerConfig.paper(), () -> model).close();

        assertThat(model.closed).isTrue();
    }

    @Test
    void spellsEveryMethodForTheCommandLine() {
        assertThat(CliEnums.names(Method.class)).containsExactly("kltrace", "rgbdiff");
        assertThat(CliEnums.parse(Method.class, "RgbDiff")).isEqualTo(Method.RGBDIFF);
    }
}
