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

    public ReferenceModel() {
        this(ReferenceModelConfig.defaults());
    }

    public ReferenceModel(ReferenceModelConfig config) {
        this.probe = new PairProbe(config, new LocalQuantizer());
    }

    @Override
    public String modelId() {
        return NAME + ":" + VERSION;
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    @Override
    public ProbeResult probe(ProbeRequest request) {
        List<ProbePair> pairs = request.pairs();
        ProbeMaps[] maps = new ProbeMaps[pairs.size()];
        java.util.stream.IntStream.range(0, pairs.size())
                .parallel()
                .forEach(i -> maps[i] = probe.run(pairs.get(i), request.params()));
        return new ProbeResult(List.of(maps));
    }

    /**
     * Runs the probe on the calling thread (its pairs in parallel, the caller taking part). An
     * in-process model has no remote call to wait for; handing the work to the common pool, as the
     * default does, would put every caller's probes behind that pool's few threads (one on a 2-core
     * machine), whatever threads the caller runs.
     */
    @Override
    public CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
        try {
            return CompletableFuture.completedFuture(probe(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
