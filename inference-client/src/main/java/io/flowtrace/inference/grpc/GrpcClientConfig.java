package io.flowtrace.inference.grpc;

import io.flowtrace.inference.ModelTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GrpcInferenceClient} talks to a KServe v2 server; immutable, made by {@link
 * #builder(GrpcTarget)} and validated when built.
 *
 * @param target the server
 * @param modelName the probe model's name on the server
 * @param modelVersion the model version to ask for; empty lets the server choose
 * @param deadline deadline of every call attempt
 * @param maxAttempts attempts per call, the first included; only UNAVAILABLE and RESOURCE_EXHAUSTED
 *     are retried
 * @param initialBackoff largest wait before the first retry; doubles per retry (full jitter)
 * @param maxBackoff the cap on the doubling
 * @param maxInFlight calls in flight at once; more callers block until one finishes
 * @param maxBatchSize crop pairs per ModelInfer request (the model's max_batch_size)
 * @param maxMessageBytes largest response accepted
 * @param trustedCa PEM certificates that sign the server's (TLS only; null: the JVM's trust store)
 * @param clientCertificate PEM client certificate chain for mutual TLS, or null
 * @param clientKey PEM PKCS#8 private key of the client certificate, or null
 */
public record GrpcClientConfig(
        GrpcTarget target,
        String modelName,
        String modelVersion,
        Duration deadline,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxInFlight,
        int maxBatchSize,
        int maxMessageBytes,
        Path trustedCa,
        Path clientCertificate,
        Path clientKey) {

    public GrpcClientConfig {
        Objects.requireNonNull(target, "target");
        require(modelName != null && !modelName.isBlank(), "model name must not be blank");
        require(modelVersion != null, "model version must not be null (empty: any)");
        require(positive(deadline), "deadline must be positive, was " + deadline);
        require(maxAttempts >= 1, "max attempts must be >= 1, was " + maxAttempts);
        require(positive(initialBackoff), "initial backoff must be positive");
        require(
                positive(maxBackoff) && maxBackoff.compareTo(initialBackoff) >= 0,
                "max backoff must be >= initial backoff " + initialBackoff);
        require(maxInFlight >= 1, "max in flight must be >= 1, was " + maxInFlight);
        require(maxBatchSize >= 1, "max batch size must be >= 1, was " + maxBatchSize);
        require(maxMessageBytes >= 1 << 20, "max message bytes must be >= 1 MiB");
        checkTls(target, trustedCa, clientCertificate, clientKey);
    }

    private static void checkTls(GrpcTarget target, Path ca, Path certificate, Path key) {
        boolean any = ca != null || certificate != null || key != null;
        require(target.tls() || !any, "TLS files need a grpcs:// target, was " + target);
        require(
                (certificate == null) == (key == null),
                "a client certificate and its key go together");
        for (Path p : new Path[] {ca, certificate, key}) {
            require(p == null || Files.isReadable(p), "cannot read TLS file " + p);
        }
    }

    public static Builder builder(GrpcTarget target) {
        return new Builder(target);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(target);
        b.modelName = modelName;
        b.modelVersion = modelVersion;
        b.deadline = deadline;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxInFlight = maxInFlight;
        b.maxBatchSize = maxBatchSize;
        b.maxMessageBytes = maxMessageBytes;
        return b.tls(trustedCa, clientCertificate, clientKey);
    }

    /** Collects and validates a {@link GrpcClientConfig}. */
    public static final class Builder {
        private final GrpcTarget target;
        private String modelName = ModelTensors.MODEL_NAME;
        private String modelVersion = "";
        private Duration deadline = Duration.ofSeconds(60);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int maxInFlight = 4;
        private int maxBatchSize = 8;
        private int maxMessageBytes = 256 << 20;
        private Path trustedCa;
        private Path clientCertificate;
        private Path clientKey;

        private Builder(GrpcTarget target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        public Builder model(String name, String version) {
            modelName = name;
            modelVersion = version;
            return this;
        }

        public Builder deadline(Duration d) {
            deadline = d;
            return this;
        }

        /** Attempts per call and the backoff between them. */
        public Builder retries(int attempts, Duration initial, Duration max) {
            maxAttempts = attempts;
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        public Builder maxInFlight(int n) {
            maxInFlight = n;
            return this;
        }

        public Builder maxBatchSize(int n) {
            maxBatchSize = n;
            return this;
        }

        public Builder maxMessageBytes(int n) {
            maxMessageBytes = n;
            return this;
        }

        /** TLS material; each may be null. Only for {@code grpcs://} targets. */
        public Builder tls(Path ca, Path certificate, Path key) {
            trustedCa = ca;
            clientCertificate = certificate;
            clientKey = key;
            return this;
        }

        public GrpcClientConfig build() {
            return new GrpcClientConfig(
                    target,
                    modelName,
                    modelVersion,
                    deadline,
                    maxAttempts,
                    initialBackoff,
                    maxBackoff,
                    maxInFlight,
                    maxBatchSize,
                    maxMessageBytes,
                    trustedCa,
                    clientCertificate,
                    clientKey);
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
