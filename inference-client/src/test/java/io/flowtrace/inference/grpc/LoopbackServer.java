package io.flowtrace.inference.grpc;

import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** A real gRPC server (Netty) on 127.0.0.1 and an ephemeral port, for client tests. */
public final class LoopbackServer implements AutoCloseable {

    private final Server server;
    private final boolean tls;

    private LoopbackServer(Server server, boolean tls) {
        this.server = server;
        this.tls = tls;
    }

    public static LoopbackServer plaintext(BindableService service) {
        return start(service, InsecureServerCredentials.create(), false);
    }

    public static LoopbackServer tls(BindableService service, ServerCredentials credentials) {
        return start(service, credentials, true);
    }

    private static LoopbackServer start(
            BindableService service, ServerCredentials credentials, boolean tls) {
        try {
            Server server =
                    NettyServerBuilder.forAddress(
                                    new InetSocketAddress("127.0.0.1", 0), credentials)
                            .addService(service)
                            .build()
                            .start();
            return new LoopbackServer(server, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GrpcTarget target() {
        return new GrpcTarget("127.0.0.1", server.getPort(), tls);
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
