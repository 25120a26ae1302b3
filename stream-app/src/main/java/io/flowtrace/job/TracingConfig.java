package io.flowtrace.job;

import io.flowtrace.tracer.TracerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link KlTracingOperator}.
 *
 * @param model creates the probe model in {@code open()}
 * @param recipe the KL-tracing recipe
 * @param threads tracking threads per parallel instance
 * @param capacity requests in flight per parallel instance, at most one per camera; in complete
 *     mode requests waiting beyond {@link KlTracingOperator#QUEUED_PER_SLOT} times this
 *     backpressure the input
 * @param timeout how long a request may take; a request that takes longer completes as timed out
 * @param framesTopic the topic frames come from, named in dead letters
 * @param liveMaxLag zero for complete mode; else live mode, where a camera's newer pair supersedes
 *     its waiting one and a pair that waited longer than this for its camera's turn is skipped
 * @param reanchorAfter a point confidently seen at least this many frames after its anchor frame is
 *     re-anchored there (1: on every confident sighting); 0 keeps every point on the frame its
 *     query placed it on
 */
public record TracingConfig(
        ModelProvider model,
        TracerConfig recipe,
        int threads,
        int capacity,
        Duration timeout,
        String framesTopic,
        Duration liveMaxLag,
        int reanchorAfter)
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
        if (reanchorAfter < 0) {
            throw new IllegalArgumentException(
                    "reanchorAfter must be 0 (never) or a number of frames, was " + reanchorAfter);
        }
    }

    /** Live mode: pairs that waited longer than {@link #liveMaxLag()} are skipped, not tracked. */
    public boolean live() {
        return !liveMaxLag.isZero();
    }

    /**
     * The reference model with {@link TracerConfig#defaults()}, 2 threads, 4 requests in flight, a
     * 60 s timeout, frames from {@code frames}, complete mode, re-anchoring on every confident
     * sighting.
     */
    public static TracingConfig defaults() {
        return new TracingConfig(
                ModelProvider.reference(),
                TracerConfig.defaults(),
                2,
                4,
                Duration.ofSeconds(60),
                "frames",
                Duration.ZERO,
                1);
    }

    public TracingConfig withModel(ModelProvider m) {
        return new TracingConfig(
                m, recipe, threads, capacity, timeout, framesTopic, liveMaxLag, reanchorAfter);
    }

    public TracingConfig withRecipe(TracerConfig r) {
        return new TracingConfig(
                model, r, threads, capacity, timeout, framesTopic, liveMaxLag, reanchorAfter);
    }

    public TracingConfig withTimeout(Duration t) {
        return new TracingConfig(
                model, recipe, threads, capacity, t, framesTopic, liveMaxLag, reanchorAfter);
    }

    /**
     * Live mode with a bound on how long a pair may wait before tracking starts; {@link
     * Duration#ZERO} for complete mode (every pair tracked, backpressure instead of skips).
     */
    public TracingConfig withLiveMaxLag(Duration lag) {
        return new TracingConfig(
                model, recipe, threads, capacity, timeout, framesTopic, lag, reanchorAfter);
    }

    /** Re-anchoring after {@code frames} frames; 0 never re-anchors. */
    public TracingConfig withReanchorAfter(int frames) {
        return new TracingConfig(
                model, recipe, threads, capacity, timeout, framesTopic, liveMaxLag, frames);
    }

    /** {@code n} tracking threads per parallel instance. */
    public TracingConfig withThreads(int n) {
        return new TracingConfig(
                model, recipe, n, capacity, timeout, framesTopic, liveMaxLag, reanchorAfter);
    }

    /** {@code n} requests in flight per parallel instance. */
    public TracingConfig withCapacity(int n) {
        return new TracingConfig(
                model, recipe, threads, n, timeout, framesTopic, liveMaxLag, reanchorAfter);
    }
}
