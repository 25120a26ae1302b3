package io.flowtrace.app.internal;

import io.flowtrace.app.job.ModelProvider;
import io.flowtrace.inference.BatchingProbeModel;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which probe model {@code flowtrace track} uses: the in-process reference model, or a KServe v2
 * gRPC server (Triton, or {@code flowtrace model-server}) and how to talk to it.
 */
public final class ModelOptions {

    static final String REFERENCE = "reference";

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = REFERENCE,
            description =
                    "reference (in process, the default), grpc://host:port or grpcs://host:port"
                            + " (TLS): a KServe v2 server serving lras_kl_probe")
    private String model = REFERENCE;

    @Option(
            names = "--model-deadline",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "deadline of each call to the model server; default: ${DEFAULT-VALUE}")
    private double deadlineSeconds = 60;

    @Option(
            names = "--model-in-flight",
            paramLabel = "N",
            defaultValue = "4",
            description = "model calls in flight at once; default: ${DEFAULT-VALUE}")
    private int inFlight = 4;

    @Option(
            names = "--model-attempts",
            paramLabel = "N",
            defaultValue = "4",
            description =
                    "attempts per call when the server is unavailable or overloaded; default:"
                            + " ${DEFAULT-VALUE}")
    private int attempts = 4;

    @Option(
            names = "--model-batch-wait",
            paramLabel = "MS",
            defaultValue = "0",
            description =
                    "coalesce concurrent probe requests for up to MS milliseconds into batches of"
                            + " the server's batch size; 0 = off (default)")
    private double batchWaitMillis;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "PEM CA of the server (grpcs)")
    private Path tlsCa;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "PEM client certificate, for mutual TLS")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 client key")
    private Path tlsKey;

    /**
     * Makes the models these options describe, validated now and connected on first use.
     *
     * @throws IllegalArgumentException naming the bad option value
     */
    public Supplier<ProbeModel> models() {
        return provider()::create;
    }

    /**
     * The same as a {@link ModelProvider}, which the tracking job ships to its task managers: it
     * holds option values only, and TLS files are read where the model is created.
     *
     * @throws IllegalArgumentException naming the bad option value
     */
    public ModelProvider provider() {
        ModelSpec spec =
                new ModelSpec(
                        model,
                        deadlineSeconds,
                        inFlight,
                        attempts,
                        batchWaitMillis,
                        tlsCa == null ? null : tlsCa.toString(),
                        tlsCert == null ? null : tlsCert.toString(),
                        tlsKey == null ? null : tlsKey.toString());
        spec.check();
        return spec;
    }

    /** Option values that make a model; serializable, so the job can ship it. */
    private record ModelSpec(
            String model,
            double deadlineSeconds,
            int inFlight,
            int attempts,
            double batchWaitMillis,
            String tlsCa,
            String tlsCert,
            String tlsKey)
            implements ModelProvider {

        private static final long serialVersionUID = 1L;

        void check() {
            if (REFERENCE.equals(model)) {
                if (tlsCa != null || tlsCert != null || tlsKey != null) {
                    throw new IllegalArgumentException("--tls-* options need --model grpcs://...");
                }
                return;
            }
            if (!(deadlineSeconds > 0) || Double.isInfinite(deadlineSeconds)) {
                throw new IllegalArgumentException(
                        "--model-deadline must be a positive number of seconds, was "
                                + deadlineSeconds);
            }
            if (!(batchWaitMillis >= 0) || Double.isInfinite(batchWaitMillis)) {
                throw new IllegalArgumentException(
                        "--model-batch-wait must be 0 or a positive number of ms, was "
                                + batchWaitMillis);
            }
            config(); // the target, the in-flight bound, the attempts and the TLS files
        }

        private GrpcClientConfig config() {
            return GrpcClientConfig.builder(GrpcTarget.parse(model))
                    .deadline(Duration.ofNanos((long) (deadlineSeconds * 1e9)))
                    .maxInFlight(inFlight)
                    .retries(attempts, Duration.ofMillis(100), Duration.ofSeconds(5))
                    .tls(path(tlsCa), path(tlsCert), path(tlsKey))
                    .build();
        }

        private static Path path(String file) {
            return file == null ? null : Path.of(file);
        }

        @Override
        public ProbeModel create() {
            if (REFERENCE.equals(model)) {
                return ModelFactory.create();
            }
            GrpcClientConfig config = config();
            if (batchWaitMillis == 0) {
                return ModelFactory.create(config);
            }
            return new BatchingProbeModel(
                    ModelFactory.create(config),
                    config.maxBatchSize(),
                    Duration.ofNanos((long) (batchWaitMillis * 1e6)));
        }
    }
}
