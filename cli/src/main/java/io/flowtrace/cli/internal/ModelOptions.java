package io.flowtrace.cli.internal;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.job.ModelProvider;
import io.flowtrace.job.ModelSpec;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Which probe model {@code flowtrace track} uses: the in-process reference model, or a KServe v2
 * gRPC server (Triton, or {@code flowtrace model-server}) and how to talk to it.
 */
public final class ModelOptions {

    static final String REFERENCE = ModelSpec.REFERENCE;

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
     * The same as a {@link ModelSpec}, which the tracking job ships to its task managers.
     *
     * @throws IllegalArgumentException naming the bad option value
     */
    public ModelProvider provider() {
        return new ModelSpec(
                model,
                deadlineSeconds,
                inFlight,
                attempts,
                batchWaitMillis,
                tlsCa == null ? null : tlsCa.toString(),
                tlsCert == null ? null : tlsCert.toString(),
                tlsKey == null ? null : tlsKey.toString());
    }
}
