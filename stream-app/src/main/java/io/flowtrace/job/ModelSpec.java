package io.flowtrace.job;

import io.flowtrace.inference.BatchingProbeModel;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.inference.grpc.GrpcTarget;
import io.flowtrace.model.ReferenceModel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which probe model to use and how to reach it, as plain option values: the in-process reference
 * model, or a KServe v2 gRPC server (Triton, or {@code flowtrace model-server}). Serializable, so
 * the job ships it to its task managers; TLS files are read where the model is created.
 *
 * @param model {@value #REFERENCE}, {@code grpc://host:port} or {@code grpcs://host:port}
 * @param deadlineSeconds deadline of each call to the server
 * @param inFlight calls in flight at once
 * @param attempts attempts per call when the server is unavailable or overloaded
 * @param batchWaitMillis coalesce concurrent probe requests for up to this long into batches of the
 *     server's batch size; 0 = off
 * @param tlsCa PEM CA of the server (grpcs), or null
 * @param tlsCert PEM client certificate for mutual TLS, or null
 * @param tlsKey PEM PKCS#8 client key, or null
 */
public record ModelSpec(
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

    /** The in-process reference model. */
    public static final String REFERENCE = "reference";

    /**
     * Checks every value now, so a bad one fails where it was given, not on a task manager.
     *
     * @throws IllegalArgumentException naming the option ({@code --model-deadline} ...) and the bad
     *     value
     */
    public ModelSpec {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("--model must not be empty");
        }
        if (REFERENCE.equals(model)) {
            if (tlsCa != null || tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("--tls-* options need --model grpcs://...");
            }
        } else {
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
            grpc(model, deadlineSeconds, inFlight, attempts, tlsCa, tlsCert, tlsKey);
        }
    }

    /** The reference model with default values for the rest. */
    public static ModelSpec reference() {
        return new ModelSpec(REFERENCE, 60, 4, 4, 0, null, null, null);
    }

    @Override
    public ProbeModel create() {
        if (REFERENCE.equals(model)) {
            return new ReferenceModel();
        }
        GrpcClientConfig config =
                grpc(model, deadlineSeconds, inFlight, attempts, tlsCa, tlsCert, tlsKey);
        ProbeModel remote = GrpcProbeModel.connect(config);
        if (batchWaitMillis == 0) {
            return remote;
        }
        return new BatchingProbeModel(
                remote, config.maxBatchSize(), Duration.ofNanos((long) (batchWaitMillis * 1e6)));
    }

    /** The client settings: the target, the in-flight bound, the attempts and the TLS files. */
    private static GrpcClientConfig grpc(
            String model,
            double deadlineSeconds,
            int inFlight,
            int attempts,
            String tlsCa,
            String tlsCert,
            String tlsKey) {
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
}
