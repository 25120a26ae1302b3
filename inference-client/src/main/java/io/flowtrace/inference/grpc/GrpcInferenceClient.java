package io.flowtrace.inference.grpc;

import io.flowtrace.inference.grpc.internal.CallFailures;
import io.flowtrace.inference.grpc.internal.CallMetrics;
import io.flowtrace.inference.grpc.internal.Channels;
import io.flowtrace.inference.grpc.internal.UnaryCalls;
import io.flowtrace.inference.grpc.v2.GRPCInferenceServiceGrpc;
import io.flowtrace.inference.grpc.v2.ModelInferRequest;
import io.flowtrace.inference.grpc.v2.ModelInferResponse;
import io.flowtrace.inference.grpc.v2.ModelMetadataRequest;
import io.flowtrace.inference.grpc.v2.ModelMetadataResponse;
import io.flowtrace.inference.grpc.v2.ModelReadyRequest;
import io.flowtrace.inference.grpc.v2.ServerLiveRequest;
import io.flowtrace.inference.grpc.v2.ServerReadyRequest;
import io.flowtrace.inference.grpc.v2.WireTensors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A KServe v2 gRPC client in the spirit of Triton's Python client: health and metadata calls, and
 * inference with {@link InferTensor} inputs sent as raw contents. One channel per client; every
 * call has the configured deadline and retry policy, and at most {@code maxInFlight} calls run at
 * once (further callers block). Thread-safe; close it to release the channel.
 */
public final class GrpcInferenceClient implements AutoCloseable {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final GrpcClientConfig config;
    private final ManagedChannel channel;
    private final ScheduledExecutorService scheduler;
    private final CallMetrics metrics = new CallMetrics();
    private final UnaryCalls calls;

    private GrpcInferenceClient(GrpcClientConfig config) {
        this.config = config;
        this.channel = Channels.open(config);
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "flowtrace-grpc-backoff");
                            t.setDaemon(true);
                            return t;
                        });
        this.calls = new UnaryCalls(channel, scheduler, config, metrics);
    }

    /** Opens a channel to {@code config.target()}; connects lazily, on the first call. */
    public static GrpcInferenceClient open(GrpcClientConfig config) {
        return new GrpcInferenceClient(config);
    }

    public GrpcClientConfig config() {
        return config;
    }

    public boolean serverLive() {
        return join(calls.call(
                        GRPCInferenceServiceGrpc.getServerLiveMethod(),
                        ServerLiveRequest.getDefaultInstance(),
                        "ServerLive"))
                .getLive();
    }

    public boolean serverReady() {
        return join(calls.call(
                        GRPCInferenceServiceGrpc.getServerReadyMethod(),
                        ServerReadyRequest.getDefaultInstance(),
                        "ServerReady"))
                .getReady();
    }

    public boolean modelReady(String model, String version) {
        ModelReadyRequest request =
                ModelReadyRequest.newBuilder().setName(model).setVersion(version).build();
        return join(calls.call(
                        GRPCInferenceServiceGrpc.getModelReadyMethod(),
                        request,
                        "ModelReady " + model))
                .getReady();
    }

    public ModelMetadata modelMetadata(String model, String version) {
        ModelMetadataRequest request =
                ModelMetadataRequest.newBuilder().setName(model).setVersion(version).build();
        ModelMetadataResponse r =
                join(
                        calls.call(
                                GRPCInferenceServiceGrpc.getModelMetadataMethod(),
                                request,
                                "ModelMetadata " + model));
        return new ModelMetadata(
                r.getName(),
                r.getVersionsList(),
                r.getPlatform(),
                r.getInputsList().stream().map(WireTensors::spec).toList(),
                r.getOutputsList().stream().map(WireTensors::spec).toList());
    }

    /**
     * Starts one inference; blocks only while {@code maxInFlight} calls are already running.
     *
     * @param outputs the outputs to return; empty for all
     * @return the result, or an {@link InferenceException} naming model, server and status
     */
    public CompletableFuture<InferResult> inferAsync(
            String model, String version, List<InferTensor> inputs, List<String> outputs) {
        ModelInferRequest request = WireTensors.request(model, version, inputs, outputs);
        String what = "ModelInfer " + model;
        return calls.call(GRPCInferenceServiceGrpc.getModelInferMethod(), request, what)
                .thenApply(r -> result(what, r));
    }

    private InferResult result(String what, ModelInferResponse r) {
        try {
            return new InferResult(r.getModelName(), r.getModelVersion(), WireTensors.outputs(r));
        } catch (IllegalArgumentException e) {
            throw new InferenceException(
                    what
                            + " at "
                            + config.target()
                            + " answered a malformed response: "
                            + e.getMessage(),
                    Status.Code.INTERNAL,
                    e);
        }
    }

    /** Runs one inference and waits for it; see {@link #inferAsync}. */
    public InferResult infer(
            String model, String version, List<InferTensor> inputs, List<String> outputs) {
        return join(inferAsync(model, version, inputs, outputs));
    }

    /** A snapshot of this client's call metrics. */
    public ClientMetrics metrics() {
        return metrics.snapshot();
    }

    /** Shuts the channel down, waiting briefly for calls in flight; calls waiting to retry fail. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        calls.failWaitingCalls();
        Channels.close(channel, CLOSE_GRACE);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (RuntimeException e) {
            throw CallFailures.unwrap(e);
        }
    }
}
