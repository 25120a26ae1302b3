package io.flowtrace.model.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the embedded model server listens; immutable and validated when built.
 *
 * @param host address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one (see {@link ModelServer#port()})
 * @param maxBatchSize most crop pairs per request, as {@code max_batch_size} in config.pbtxt
 * @param maxMessageBytes largest request accepted
 * @param tlsCertificate PEM certificate chain for TLS, or null for plaintext
 * @param tlsKey PEM PKCS#8 private key of the certificate, or null
 * @param clientCa PEM certificates that sign client certificates; when set, clients must present
 *     one (mutual TLS)
 */
public record ModelServerConfig(
        String host,
        int port,
        int maxBatchSize,
        int maxMessageBytes,
        Path tlsCertificate,
        Path tlsKey,
        Path clientCa) {

    /** max_batch_size of the Triton model (deploy/triton/lras_kl_probe/config.pbtxt). */
    public static final int MAX_BATCH_SIZE = 8;

    public ModelServerConfig {
        require(host != null && !host.isBlank(), "host must not be blank");
        require(port >= 0 && port <= 65535, "port must be in [0, 65535], was " + port);
        require(maxBatchSize >= 1, "max batch size must be >= 1, was " + maxBatchSize);
        require(maxMessageBytes >= 1 << 20, "max message bytes must be >= 1 MiB");
        require(
                (tlsCertificate == null) == (tlsKey == null),
                "a TLS certificate and its key go together");
        require(clientCa == null || tlsCertificate != null, "client CA needs TLS (--tls-cert)");
        for (Path p : new Path[] {tlsCertificate, tlsKey, clientCa}) {
            require(p == null || Files.isReadable(p), "cannot read TLS file " + p);
        }
    }

    /** Plaintext on all interfaces at {@code port}, batches of up to 8, 256 MiB messages. */
    public static ModelServerConfig plaintext(int port) {
        return new ModelServerConfig("0.0.0.0", port, MAX_BATCH_SIZE, 256 << 20, null, null, null);
    }

    public ModelServerConfig withHost(String h) {
        return new ModelServerConfig(
                h, port, maxBatchSize, maxMessageBytes, tlsCertificate, tlsKey, clientCa);
    }

    /** This configuration with TLS; {@code ca} may be null (no client certificates). */
    public ModelServerConfig withTls(Path certificate, Path key, Path ca) {
        return new ModelServerConfig(
                host, port, maxBatchSize, maxMessageBytes, certificate, key, ca);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
