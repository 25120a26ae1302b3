package io.flowtrace.inference.grpc;

import java.util.Arrays;
import java.util.Map;

/**
 * A snapshot of a client's call metrics. A call is one logical request (its retries included);
 * latency runs from the call's start to its answer, backoff waits included.
 *
 * @param calls calls started
 * @param succeeded calls answered
 * @param failed calls that failed after their last attempt
 * @param retries attempts beyond each call's first
 * @param inFlight calls in flight when the snapshot was taken
 * @param peakInFlight the most calls ever in flight at once
 * @param failuresByStatus failed calls per gRPC status code name
 * @param latencyBucketCounts successful calls per latency bucket: bucket i counts latencies up to
 *     {@link #LATENCY_BOUNDS_MILLIS}[i], the last bucket everything above
 * @param totalLatencyNanos summed latency of successful calls
 */
public record ClientMetrics(
        long calls,
        long succeeded,
        long failed,
        long retries,
        int inFlight,
        int peakInFlight,
        Map<String, Long> failuresByStatus,
        long[] latencyBucketCounts,
        long totalLatencyNanos) {

    /** Upper bounds of the latency buckets, in milliseconds. */
    public static final long[] LATENCY_BOUNDS_MILLIS = {
        1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000
    };

    public ClientMetrics {
        failuresByStatus = Map.copyOf(failuresByStatus);
        latencyBucketCounts = latencyBucketCounts.clone();
    }

    @Override
    public long[] latencyBucketCounts() {
        return latencyBucketCounts.clone();
    }

    /** Mean latency of successful calls in milliseconds; 0 before the first. */
    public double meanLatencyMillis() {
        return succeeded == 0 ? 0 : totalLatencyNanos / 1e6 / succeeded;
    }

    /**
     * The upper bound, in milliseconds, of the bucket holding quantile {@code q} of successful
     * calls' latencies; {@code Long.MAX_VALUE} when it falls in the last, open bucket.
     */
    public long latencyQuantileBoundMillis(double q) {
        long total = Arrays.stream(latencyBucketCounts).sum();
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < LATENCY_BOUNDS_MILLIS.length; i++) {
            seen += latencyBucketCounts[i];
            if (seen >= rank) {
                return LATENCY_BOUNDS_MILLIS[i];
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientMetrics m
                && calls == m.calls
                && succeeded == m.succeeded
                && failed == m.failed
                && retries == m.retries
                && inFlight == m.inFlight
                && peakInFlight == m.peakInFlight
                && failuresByStatus.equals(m.failuresByStatus)
                && Arrays.equals(latencyBucketCounts, m.latencyBucketCounts)
                && totalLatencyNanos == m.totalLatencyNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(calls) * 31 + Arrays.hashCode(latencyBucketCounts);
    }

    @Override
    public String toString() {
        return String.format(
                "calls %d (ok %d, failed %d %s), retries %d, in flight %d (peak %d), mean %.1f ms",
                calls,
                succeeded,
                failed,
                failuresByStatus,
                retries,
                inFlight,
                peakInFlight,
                meanLatencyMillis());
    }
}
