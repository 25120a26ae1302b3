package io.flowtrace.inference.grpc;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.grpc.internal.CallFailures;
import io.flowtrace.inference.grpc.internal.ContractCheck;
import io.flowtrace.inference.grpc.internal.PairBatches;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe model behind a KServe v2 gRPC server (Triton, or flowtrace's embedded server). Each
 * request is cut into ModelInfer batches of pairs with equal point and seed counts, at most {@code
 * maxBatchSize} pairs each; the batches run concurrently within the client's in-flight bound and
 * the maps come back in request order.
 */
public final class GrpcProbeModel implements ProbeModel {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcProbeModel.class);
    private static final List<String> OUTPUTS =
            List.of(ModelTensors.DIVERGENCE, ModelTensors.TOKENS);

    private final GrpcInferenceClient client;
    private final ModelMetadata metadata;

    private GrpcProbeModel(GrpcInferenceClient client, ModelMetadata metadata) {
        this.client = client;
        this.metadata = metadata;
    }

    /**
     * Connects and checks that the server is live and ready and serves the probe model with the
     * tensors of {@link ModelTensors}.
     *
     * @throws InferenceException naming the server and, on a contract mismatch, each tensor with
     *     what the server says and what flowtrace expects
     */
    public static GrpcProbeModel connect(GrpcClientConfig config) {
        GrpcInferenceClient client = GrpcInferenceClient.open(config);
        try {
            ModelMetadata metadata = ContractCheck.verify(client);
            LOG.info(
                    "probe model {} versions {} ({}) at {}: batches of up to {} pairs, {} calls in"
                            + " flight, deadline {} ms, {} attempts",
                    metadata.name(),
                    metadata.versions(),
                    metadata.platform(),
                    config.target(),
                    config.maxBatchSize(),
                    config.maxInFlight(),
                    config.deadline().toMillis(),
                    config.maxAttempts());
            return new GrpcProbeModel(client, metadata);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String modelId() {
        String version = metadata.versions().isEmpty() ? "" : ":" + metadata.versions().get(0);
        return metadata.name() + version + " at " + client.config().target();
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    @Override
    public ProbeResult probe(ProbeRequest request) {
        try {
            return probeAsync(request).join();
        } catch (RuntimeException e) {
            throw CallFailures.unwrap(e);
        }
    }

    /** Starts the request's batches; blocks only while the client's in-flight bound is reached. */
    @Override
    public CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
        ProbeMaps[] maps = new ProbeMaps[request.pairs().size()];
        List<PairBatches.Batch> batches =
                PairBatches.split(request.pairs(), client.config().maxBatchSize());
        CompletableFuture<?>[] pending = new CompletableFuture<?>[batches.size()];
        for (int i = 0; i < batches.size(); i++) {
            PairBatches.Batch batch = batches.get(i);
            pending[i] =
                    run(batch.pairs(), request.params()).thenAccept(m -> place(batch, m, maps));
        }
        return CompletableFuture.allOf(pending).thenApply(v -> new ProbeResult(List.of(maps)));
    }

    private CompletableFuture<List<ProbeMaps>> run(List<ProbePair> pairs, ProbeParams params) {
        GrpcClientConfig c = client.config();
        List<InferTensor> inputs = ProbeTensors.encode(pairs, params);
        return client.inferAsync(c.modelName(), c.modelVersion(), inputs, OUTPUTS)
                .thenApply(r -> maps(r, pairs, params));
    }

    /** The batch's maps, after checking that the answer has the shape the request implies. */
    private List<ProbeMaps> maps(InferResult r, List<ProbePair> pairs, ProbeParams params) {
        ProbePair first = pairs.get(0);
        try {
            return ProbeTensors.maps(
                    r.output(ModelTensors.DIVERGENCE),
                    r.output(ModelTensors.TOKENS),
                    pairs.size(),
                    first.pointCount(),
                    first.seeds().length,
                    params.mapSize());
        } catch (IllegalArgumentException | IllegalStateException e) {
            GrpcClientConfig c = client.config();
            throw new InferenceException(
                    "model " + c.modelName() + " at " + c.target() + ": " + e.getMessage(),
                    Status.Code.INTERNAL,
                    e);
        }
    }

    private static void place(PairBatches.Batch batch, List<ProbeMaps> m, ProbeMaps[] out) {
        for (int k = 0; k < m.size(); k++) {
            out[batch.indices().get(k)] = m.get(k);
        }
    }

    /** A snapshot of the client's call metrics. */
    public ClientMetrics metrics() {
        return client.metrics();
    }

    /** Closes the channel. */
    @Override
    public void close() {
        client.close();
    }
}
