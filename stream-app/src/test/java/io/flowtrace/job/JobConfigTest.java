package io.flowtrace.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    @Test
    void rejectsSettingsThatCannotWorkNamingTheSetting() {
        assertThatThrownBy(() -> new PairingConfig(0, Duration.ofMinutes(1)))
                .hasMessage("maxBufferedFrames must be >= 1, was 0");
        assertThatThrownBy(() -> new PairingConfig(8, Duration.ZERO))
                .hasMessage("idleTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> QueryConfig.defaults().withGrid(0))
                .hasMessage("gridSpacing must be >= 1 px, was 0");
        assertThatThrownBy(() -> TracingConfig.defaults().withTimeout(Duration.ofSeconds(-1)))
                .hasMessage("timeout must be positive, was PT-1S");
        assertThatThrownBy(() -> new TrackStateConfig(null)).hasMessage("idleTimeout");
    }

    @Test
    void defaultsTrackWithTheReferenceModelAndNoSeeding() {
        JobConfig config = JobConfig.defaults();

        assertThat(config.queries().seeding()).isEqualTo(SeedingMode.NONE);
        assertThat(config.pairing().maxBufferedFrames()).isEqualTo(64);
        try (var model = config.tracing().model().create()) {
            assertThat(model.modelId()).isEqualTo("flowtrace-reference:1");
        }
    }
}
