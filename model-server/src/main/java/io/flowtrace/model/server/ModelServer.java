package io.flowtrace.model.server;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.model.server.internal.InferenceService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A KServe v2 gRPC server (the protocol Triton speaks) that serves a {@link ProbeModel} under the
 * contract's model name, so that the client, the tracer and tests run against the same wire
 * protocol as production without a GPU. Does not own the model: close the model yourself.
 */
public final class ModelServer implements AutoCloseable {

    private static final long CLOSE_GRACE_SECONDS = 5;

    private final Server server;
    private final ModelServerConfig config;

    private ModelServer(Server server, ModelServerConfig config) {
        this.server = server;
        this.config = config;
    }

    /** Starts serving {@code model}; returns once the port is bound. */
    public static ModelServer start(ModelServerConfig config, ProbeModel model) {
        try {
            Server server =
                    NettyServerBuilder.forAddress(
                                    new InetSocketAddress(config.host(), config.port()),
                                    credentials(config))
                            .maxInboundMessageSize(config.maxMessageBytes())
                            .addService(new InferenceService(model, config.maxBatchSize()))
                            .build()
                            .start();
            return new ModelServer(server, config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve on "
                            + config.host()
                            + ":"
                            + config.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static ServerCredentials credentials(ModelServerConfig config) throws IOException {
        if (!config.tls()) {
            return InsecureServerCredentials.create();
        }
        TlsServerCredentials.Builder tls =
                TlsServerCredentials.newBuilder()
                        .keyManager(config.tlsCertificate().toFile(), config.tlsKey().toFile());
        if (config.clientCa() != null) {
            tls.trustManager(config.clientCa().toFile())
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        }
        return tls.build();
    }

    /** The bound port; the chosen one when the configuration asked for port 0. */
    public int port() {
        return server.getPort();
    }

    public ModelServerConfig config() {
        return config;
    }

    /** Blocks until the server has shut down. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops accepting calls, lets running ones finish for a few seconds, then cancels the rest. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
