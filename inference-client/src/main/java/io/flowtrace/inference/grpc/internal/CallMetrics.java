package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.grpc.ClientMetrics;
import io.grpc.Status;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Counts a client's calls, retries, failures and latencies; thread-safe and lock-free. */
public final class CallMetrics {

    private final LongAdder calls = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder totalLatencyNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final Map<Status.Code, LongAdder> failures = new ConcurrentHashMap<>();
    private final AtomicLongArray buckets =
            new AtomicLongArray(ClientMetrics.LATENCY_BOUNDS_MILLIS.length + 1);

    /** A call starts; returns its start time for {@link #succeeded} or {@link #failed}. */
    public long started() {
        calls.increment();
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        return System.nanoTime();
    }

    public void retried() {
        retries.increment();
    }

    public void succeeded(long startNanos) {
        long latency = System.nanoTime() - startNanos;
        inFlight.decrementAndGet();
        succeeded.increment();
        totalLatencyNanos.add(latency);
        buckets.incrementAndGet(bucket(latency));
    }

    public void failed(Status.Code code) {
        inFlight.decrementAndGet();
        failed.increment();
        failures.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    private static int bucket(long latencyNanos) {
        long[] bounds = ClientMetrics.LATENCY_BOUNDS_MILLIS;
        for (int i = 0; i < bounds.length; i++) {
            if (latencyNanos <= bounds[i] * 1_000_000L) {
                return i;
            }
        }
        return bounds.length;
    }

    public ClientMetrics snapshot() {
        Map<String, Long> byStatus = new TreeMap<>();
        failures.forEach((code, n) -> byStatus.put(code.name(), n.sum()));
        long[] counts = new long[buckets.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i);
        }
        return new ClientMetrics(
                calls.sum(),
                succeeded.sum(),
                failed.sum(),
                retries.sum(),
                inFlight.get(),
                peakInFlight.get(),
                byStatus,
                counts,
                totalLatencyNanos.sum());
    }
}
