package io.flowtrace.inference.grpc.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code r} (1-based) wait a uniformly random
 * time in {@code [0, min(max, initial * 2^(r-1))]}, so that clients failing together do not retry
 * together.
 */
public record Backoff(Duration initial, Duration max) {

    /** The upper bound of the wait before retry {@code retry}, in nanoseconds. */
    public long capNanos(int retry) {
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        int doublings = Math.min(retry - 1, 62);
        if (initialNanos > (maxNanos >> doublings)) {
            return maxNanos;
        }
        return Math.min(maxNanos, initialNanos << doublings);
    }

    /** A random wait before retry {@code retry}, in nanoseconds. */
    public long delayNanos(int retry) {
        return ThreadLocalRandom.current().nextLong(capNanos(retry) + 1);
    }
}
