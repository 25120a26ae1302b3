package io.flowtrace.inference.grpc;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.grpc.v2.GRPCInferenceServiceGrpc;
import io.flowtrace.inference.grpc.v2.ModelInferRequest;
import io.flowtrace.inference.grpc.v2.ModelInferResponse;
import io.flowtrace.inference.grpc.v2.ModelMetadataRequest;
import io.flowtrace.inference.grpc.v2.ModelMetadataResponse;
import io.flowtrace.inference.grpc.v2.ModelReadyRequest;
import io.flowtrace.inference.grpc.v2.ModelReadyResponse;
import io.flowtrace.inference.grpc.v2.ServerLiveRequest;
import io.flowtrace.inference.grpc.v2.ServerLiveResponse;
import io.flowtrace.inference.grpc.v2.ServerReadyRequest;
import io.flowtrace.inference.grpc.v2.ServerReadyResponse;
import io.flowtrace.inference.grpc.v2.WireTensors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written KServe v2 server for client tests: serves the probe contract's metadata (or what a
 * test sets), answers ModelInfer with maps whose every value is the pair's first point's x, and can
 * fail, hold or slow down calls while counting them.
 */
public class FakeInferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    public final AtomicInteger inferCalls = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger peakInFlight = new AtomicInteger();

    /** Batch sizes of the ModelInfer requests answered, in arrival order. */
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private volatile List<TensorSpec> inputs = batched(ModelTensors.INPUTS);
    private volatile boolean modelReady = true;
    private volatile int failuresLeft;
    private volatile Status failure = Status.OK;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public static List<TensorSpec> batched(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::batched).toList();
    }

    /** Reports these inputs in ModelMetadata. */
    public FakeInferenceService servingInputs(List<TensorSpec> specs) {
        inputs = List.copyOf(specs);
        return this;
    }

    public FakeInferenceService modelReady(boolean ready) {
        modelReady = ready;
        return this;
    }

    /** Fails the next {@code n} ModelInfer calls with {@code status}. */
    public FakeInferenceService failing(int n, Status status) {
        failuresLeft = n;
        failure = status;
        return this;
    }

    /** Holds every ModelInfer call until {@code release} opens. */
    public FakeInferenceService holdingUntil(CountDownLatch release) {
        gate = release;
        return this;
    }

    @Override
    public void serverLive(ServerLiveRequest r, StreamObserver<ServerLiveResponse> out) {
        reply(out, ServerLiveResponse.newBuilder().setLive(true).build());
    }

    @Override
    public void serverReady(ServerReadyRequest r, StreamObserver<ServerReadyResponse> out) {
        reply(out, ServerReadyResponse.newBuilder().setReady(true).build());
    }

    @Override
    public void modelReady(ModelReadyRequest r, StreamObserver<ModelReadyResponse> out) {
        reply(out, ModelReadyResponse.newBuilder().setReady(modelReady).build());
    }

    @Override
    public void modelMetadata(ModelMetadataRequest r, StreamObserver<ModelMetadataResponse> out) {
        ModelMetadataResponse.Builder b =
                ModelMetadataResponse.newBuilder()
                        .setName(r.getName())
                        .addVersions("1")
                        .setPlatform("fake");
        inputs.forEach(s -> b.addInputs(WireTensors.metadata(s)));
        batched(ModelTensors.OUTPUTS).forEach(s -> b.addOutputs(WireTensors.metadata(s)));
        reply(out, b.build());
    }

    @Override
    public void modelInfer(ModelInferRequest r, StreamObserver<ModelInferResponse> out) {
        inferCalls.incrementAndGet();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test gate never opened");
            }
            synchronized (this) {
                if (failuresLeft > 0) {
                    failuresLeft--;
                    out.onError(failure.asRuntimeException());
                    return;
                }
            }
            reply(out, answer(r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.onError(Status.CANCELLED.asRuntimeException());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ModelInferResponse answer(ModelInferRequest r) {
        ProbeRequest request = ProbeTensors.decode(WireTensors.inputs(r));
        batchSizes.add(request.pairs().size());
        List<ProbeMaps> maps = new ArrayList<>();
        int g = request.params().mapSize();
        for (ProbePair pair : request.pairs()) {
            float[] values = new float[pair.pointCount() * pair.seeds().length * g * g];
            java.util.Arrays.fill(values, pair.x(0));
            maps.add(
                    new ProbeMaps(
                            pair.pointCount(),
                            pair.seeds().length,
                            g,
                            values,
                            io.flowtrace.inference.ProbeCost.tokens(pair, request.params())));
        }
        return WireTensors.response(
                r.getModelName(),
                "1",
                r.getId(),
                List.of(ProbeTensors.divergence(maps), ProbeTensors.tokens(maps)));
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
