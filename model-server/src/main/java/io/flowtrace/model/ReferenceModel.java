package io.flowtrace.model;

import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.model.internal.LocalQuantizer;
import io.flowtrace.model.internal.PairProbe;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The CPU reference model: a distributional, local, random-access next-frame predictor that serves
 * the probe contract in process, so flowtrace runs without a GPU or LRAS weights.
 *
 * <p>For each hidden frame-2 patch it predicts a distribution over the discrete codes of its 4x4
 * cells (16 independent bits of a fixed local quantizer), conditioned on all of frame 1 and exactly
 * the revealed frame-2 patches. Divergences are exact. Deterministic for given inputs.
 */
public final class ReferenceModel implements ProbeModel {

    public static final String NAME = "flowtrace-reference";
    public static final String VERSION = "1";

    private final PairProbe probe;
    private final ForkJoinPool pool;

    public ReferenceModel() {
        this(ReferenceModelConfig.defaults());
    }

    public ReferenceModel(ReferenceModelConfig config) {
        this.probe = new PairProbe(config, new LocalQuantizer());
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String modelId() {
        return NAME + ":" + VERSION;
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    /**
     * Probes the request's pairs (and a pair's many points) in parallel on the model's own pool of
     * one thread per core; the caller waits parked. Parallel streams joined from outside a pool
     * spin while they wait, and the common pool has one thread on a 2-core machine: with several
     * tracking threads that burned a fifth of the CPU in the demo's job (docs/cost.md).
     */
    @Override
    public ProbeResult probe(ProbeRequest request) {
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            return compute(request);
        }
        try {
            return pool.submit(() -> compute(request)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("probe interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ProbeResult compute(ProbeRequest request) {
        List<ProbePair> pairs = request.pairs();
        ProbeMaps[] maps = new ProbeMaps[pairs.size()];
        java.util.stream.IntStream.range(0, pairs.size())
                .parallel()
                .forEach(i -> maps[i] = probe.run(pairs.get(i), request.params()));
        return new ProbeResult(List.of(maps));
    }

    /**
     * Runs the probe before returning: an in-process model has no remote call to wait for, so the
     * caller's thread waits for its own request (parked, while the model's pool computes it)
     * instead of queueing it on the common pool.
     */
    @Override
    public CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
        try {
            return CompletableFuture.completedFuture(probe(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
