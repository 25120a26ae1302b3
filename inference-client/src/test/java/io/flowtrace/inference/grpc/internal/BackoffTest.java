package io.flowtrace.inference.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void capDoublesPerRetryUpToTheMaximum() {
        assertThat(backoff.capNanos(1)).isEqualTo(100_000_000L);
        assertThat(backoff.capNanos(2)).isEqualTo(200_000_000L);
        assertThat(backoff.capNanos(4)).isEqualTo(800_000_000L);
        assertThat(backoff.capNanos(5)).isEqualTo(1_000_000_000L);
        assertThat(backoff.capNanos(500)).isEqualTo(1_000_000_000L);
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = backoff.delayNanos(3);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(0L, 40_000_000L);
        assertThat(max).isBetween(360_000_000L, 400_000_000L);
    }
}
