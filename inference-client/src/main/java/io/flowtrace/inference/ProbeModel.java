package io.flowtrace.inference;

import java.util.concurrent.CompletableFuture;

/**
 * A counterfactual-probe model: for each crop pair, probe point and mask seed, predict frame 2 from
 * all of frame 1 and the seed's revealed frame-2 patches, once clean and once with a {@link
 * GaussianDot} at the point, and return the per-cell divergence between the two predictions.
 *
 * <p>This is the contract LRAS serves on Triton ({@link ModelTensors}); the in-process reference
 * model and the gRPC client both implement it, so the KL-tracing engine runs against either.
 * Implementations are thread-safe.
 */
public interface ProbeModel extends AutoCloseable {

    /** Name and version of the model behind this contract, for results and logs. */
    String modelId();

    /** True when the model can answer {@link ModelTensors#FINE_GRID} maps. */
    boolean supportsFineMaps();

    /** Runs one probe step; blocks until the maps are ready. */
    ProbeResult probe(ProbeRequest request);

    /** Runs one probe step without blocking the caller. */
    default CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
        return CompletableFuture.supplyAsync(() -> probe(request));
    }

    @Override
    default void close() {}
}
