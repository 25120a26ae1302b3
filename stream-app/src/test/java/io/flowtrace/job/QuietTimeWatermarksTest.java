package io.flowtrace.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class QuietTimeWatermarksTest {

    /** Keeps the watermarks it is given. */
    private static final class Recorded implements WatermarkOutput {
        final List<Long> marks = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            marks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    private final Recorded out = new Recorded();
    private final QuietTimeWatermarks<String> generator =
            new QuietTimeWatermarks<>(Duration.ofMillis(500), Duration.ofHours(1));

    @Test
    void trailsTheNewestEventByTheBound() {
        generator.onEvent("frame", 10_000, out);
        generator.onPeriodicEmit(out);

        assertThat(out.marks).containsExactly(10_000L - 500 - 1);
    }

    @Test
    void ignoresEventsWithoutEventTime() {
        generator.onEvent("frame", 10_000, out);
        generator.onEvent("dead letter", Long.MIN_VALUE, out);
        generator.onPeriodicEmit(out);
        QuietTimeWatermarks<String> onlyLetters =
                new QuietTimeWatermarks<>(Duration.ofMillis(500), Duration.ofHours(1));
        onlyLetters.onEvent("dead letter", Long.MIN_VALUE, out);
        onlyLetters.onPeriodicEmit(out);

        assertThat(out.marks).containsExactly(10_000L - 500 - 1);
    }

    @Test
    void doesNotOverflowOnTheSmallestCaptureTimes() {
        generator.onEvent("frame", Long.MIN_VALUE + 1, out);
        generator.onPeriodicEmit(out);

        assertThat(out.marks).allSatisfy(m -> assertThat(m).isLessThan(0L));
    }
}
