package io.flowtrace.model.server;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcTarget;
import io.flowtrace.inference.grpc.v2.GRPCInferenceServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The embedded server on 127.0.0.1 and an ephemeral port, with ways to talk to it. */
final class LocalServer implements AutoCloseable {

    final ModelServer server;
    private ManagedChannel channel;

    private LocalServer(ModelServer server) {
        this.server = server;
    }

    static LocalServer start(ProbeModel model) {
        return start(ModelServerConfig.plaintext(0).withHost("127.0.0.1"), model);
    }

    static LocalServer start(ModelServerConfig config, ProbeModel model) {
        return new LocalServer(ModelServer.start(config, model));
    }

    GrpcTarget target() {
        return new GrpcTarget("127.0.0.1", server.port(), server.config().tls());
    }

    /** A client configuration for this server with a generous deadline. */
    GrpcClientConfig.Builder client() {
        return GrpcClientConfig.builder(target()).deadline(Duration.ofSeconds(60));
    }

    /** A raw blocking stub (plaintext only), for requests the client would never send. */
    GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub() {
        if (channel == null) {
            channel =
                    Grpc.newChannelBuilderForAddress(
                                    "127.0.0.1", server.port(), InsecureChannelCredentials.create())
                            .maxInboundMessageSize(64 << 20)
                            .build();
        }
        return GRPCInferenceServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A raw async stub sharing the blocking stub's channel. */
    GRPCInferenceServiceGrpc.GRPCInferenceServiceStub asyncStub() {
        stub();
        return GRPCInferenceServiceGrpc.newStub(channel);
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.shutdownNow();
        }
        server.close();
    }
}
