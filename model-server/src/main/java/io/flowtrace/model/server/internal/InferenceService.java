package io.flowtrace.model.server.internal;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.v2.GRPCInferenceServiceGrpc;
import io.flowtrace.inference.grpc.v2.ModelConfigRequest;
import io.flowtrace.inference.grpc.v2.ModelConfigResponse;
import io.flowtrace.inference.grpc.v2.ModelInferRequest;
import io.flowtrace.inference.grpc.v2.ModelInferResponse;
import io.flowtrace.inference.grpc.v2.ModelMetadataRequest;
import io.flowtrace.inference.grpc.v2.ModelMetadataResponse;
import io.flowtrace.inference.grpc.v2.ModelReadyRequest;
import io.flowtrace.inference.grpc.v2.ModelReadyResponse;
import io.flowtrace.inference.grpc.v2.ModelStreamInferResponse;
import io.flowtrace.inference.grpc.v2.ServerLiveRequest;
import io.flowtrace.inference.grpc.v2.ServerLiveResponse;
import io.flowtrace.inference.grpc.v2.ServerMetadataRequest;
import io.flowtrace.inference.grpc.v2.ServerMetadataResponse;
import io.flowtrace.inference.grpc.v2.ServerReadyRequest;
import io.flowtrace.inference.grpc.v2.ServerReadyResponse;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.stub.StreamObserver;

/** The KServe v2 {@code GRPCInferenceService} for one probe model. */
public final class InferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

    static final String SERVER_NAME = "flowtrace";
    static final String SERVER_VERSION = "0.1.0";

    private final ModelDescription description;
    private final InferHandler handler;

    public InferenceService(ProbeModel model, int maxBatchSize) {
        this.description = new ModelDescription(model.modelId(), maxBatchSize);
        this.handler = new InferHandler(model, description);
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
        boolean ready = description.serves(r.getName(), r.getVersion());
        reply(out, ModelReadyResponse.newBuilder().setReady(ready).build());
    }

    @Override
    public void serverMetadata(
            ServerMetadataRequest r, StreamObserver<ServerMetadataResponse> out) {
        reply(
                out,
                ServerMetadataResponse.newBuilder()
                        .setName(SERVER_NAME)
                        .setVersion(SERVER_VERSION)
                        .addExtensions("model_configuration")
                        .build());
    }

    @Override
    public void modelMetadata(ModelMetadataRequest r, StreamObserver<ModelMetadataResponse> out) {
        if (known(r.getName(), r.getVersion(), out)) {
            reply(out, description.metadata());
        }
    }

    @Override
    public void modelConfig(ModelConfigRequest r, StreamObserver<ModelConfigResponse> out) {
        if (known(r.getName(), r.getVersion(), out)) {
            reply(out, ModelConfigResponse.newBuilder().setConfig(description.config()).build());
        }
    }

    @Override
    public void modelInfer(ModelInferRequest r, StreamObserver<ModelInferResponse> out) {
        try {
            reply(out, handler.infer(r));
        } catch (StatusException e) {
            out.onError(e);
        }
    }

    /** Answers each request on the stream in order; failures travel as error messages. */
    @Override
    public StreamObserver<ModelInferRequest> modelStreamInfer(
            StreamObserver<ModelStreamInferResponse> out) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ModelInferRequest r) {
                ModelStreamInferResponse.Builder b = ModelStreamInferResponse.newBuilder();
                try {
                    b.setInferResponse(handler.infer(r));
                } catch (StatusException e) {
                    b.setErrorMessage(e.getStatus().getDescription());
                }
                out.onNext(b.build());
            }

            @Override
            public void onError(Throwable t) {
                // the client went away; nothing left to answer
            }

            @Override
            public void onCompleted() {
                out.onCompleted();
            }
        };
    }

    private boolean known(String name, String version, StreamObserver<?> out) {
        if (description.serves(name, version)) {
            return true;
        }
        out.onError(
                Status.NOT_FOUND.withDescription(description.unknown(name, version)).asException());
        return false;
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
