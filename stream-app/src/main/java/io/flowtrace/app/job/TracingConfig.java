package io.flowtrace.app.job;

import io.flowtrace.tracer.TracerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Settings of {@link KlTracingAsyncFunction}, and of the async operator that runs it.
 *
 * @param model creates the probe model in {@code open()}
 * @param recipe the KL-tracing recipe; a supplier because {@link TracerConfig} is not serializable
 * @param threads tracking threads per parallel instance
 * @param capacity requests in flight per parallel instance: pass it to {@code AsyncDataStream} as
 *     its capacity; it also bounds the executor's queue
 * @param timeout how long a request may take: pass it to {@code AsyncDataStream}; a request that
 *     takes longer completes as timed out
 * @param framesTopic the topic frames come from, named in dead letters
 */
public record TracingConfig(
        ModelProvider model,
        SerializableSupplier<TracerConfig> recipe,
        int threads,
        int capacity,
        Duration timeout,
        String framesTopic,
        Duration liveMaxLag)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public TracingConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(framesTopic, "framesTopic");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        ConfigChecks.requirePositive("timeout", timeout);
        Objects.requireNonNull(liveMaxLag, "liveMaxLag");
        if (liveMaxLag.isNegative()) {
            throw new IllegalArgumentException(
                    "liveMaxLag must be zero (complete mode) or positive, was " + liveMaxLag);
        }
    }

    /** Live mode: pairs that waited longer than {@link #liveMaxLag()} are skipped, not tracked. */
    public boolean live() {
        return !liveMaxLag.isZero();
    }

    /**
     * The reference model with {@link TracerConfig#defaults()}, 2 threads, 4 requests in flight, a
     * 60 s timeout, frames from {@code frames}.
     */
    public static TracingConfig defaults() {
        return new TracingConfig(
                ModelProvider.reference(),
                TracerConfig::defaults,
                2,
                4,
                Duration.ofSeconds(60),
                "frames",
                Duration.ZERO);
    }

    public TracingConfig withModel(ModelProvider m) {
        return new TracingConfig(m, recipe, threads, capacity, timeout, framesTopic, liveMaxLag);
    }

    public TracingConfig withRecipe(SerializableSupplier<TracerConfig> r) {
        return new TracingConfig(model, r, threads, capacity, timeout, framesTopic, liveMaxLag);
    }

    public TracingConfig withTimeout(Duration t) {
        return new TracingConfig(model, recipe, threads, capacity, t, framesTopic, liveMaxLag);
    }

    /**
     * Live mode with a bound on how long a pair may wait before tracking starts; {@link
     * Duration#ZERO} for complete mode (every pair tracked, backpressure instead of skips).
     */
    public TracingConfig withLiveMaxLag(Duration lag) {
        return new TracingConfig(model, recipe, threads, capacity, timeout, framesTopic, lag);
    }
}
