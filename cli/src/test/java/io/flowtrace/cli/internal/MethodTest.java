package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.tracer.TracerConfig;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(CliEnums.names(Method.class))
                .containsExactly("kltrace", "rgbdiff", "dis", "farneback", "lk");
        assertThat(CliEnums.parse(Method.class, "RgbDiff")).isEqualTo(Method.RGBDIFF);
    }

    @ParameterizedTest
    @CsvSource({"DIS, DIS flow", "FARNEBACK, Farneback flow", "LK, Lucas-Kanade"})
    void openCvBaselinesNeverAskForAModel(Method method, String description) {
        Supplier<ProbeModel> noModels =
                () -> {
                    throw new AssertionError(method + " asked for a model");
                };

        try (PairTracker tracker = method.tracker(TracerConfig.defaults(), noModels)) {
            assertThat(tracker.describe()).contains("OpenCV", description);
            assertThat(tracker.stepsPerPoint()).isEqualTo(1);
        }
    }
}
