package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Opens and closes the one channel of a client: plaintext, TLS or mutual TLS. */
public final class Channels {

    private Channels() {}

    public static ManagedChannel open(GrpcClientConfig config) {
        return Grpc.newChannelBuilderForAddress(
                        config.target().host(), config.target().port(), credentials(config))
                .maxInboundMessageSize(config.maxMessageBytes())
                // retries are ours (UnaryCalls), counted and bounded in one place
                .disableRetry()
                .build();
    }

    private static ChannelCredentials credentials(GrpcClientConfig config) {
        if (!config.target().tls()) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
            if (config.trustedCa() != null) {
                tls.trustManager(config.trustedCa().toFile());
            }
            if (config.clientCertificate() != null) {
                tls.keyManager(config.clientCertificate().toFile(), config.clientKey().toFile());
            }
            return tls.build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the TLS files for " + config.target() + ": " + e.getMessage(), e);
        }
    }

    /** Shuts the channel down, waits up to {@code grace} for calls to end, then forces it. */
    public static void close(ManagedChannel channel, Duration grace) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                channel.shutdownNow();
                channel.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
