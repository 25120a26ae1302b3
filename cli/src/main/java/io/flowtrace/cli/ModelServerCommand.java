package io.flowtrace.cli;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.model.ReferenceModel;
import io.flowtrace.model.server.ModelServer;
import io.flowtrace.model.server.ModelServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace model-server}: serves the CPU reference model over the KServe v2 gRPC protocol
 * (the one Triton speaks) until interrupted, for {@code track --model grpc://host:port}.
 */
@Command(
        name = "model-server",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serves the CPU reference model as lras_kl_probe over KServe v2 gRPC, the protocol of"
                    + " Triton, until interrupted (Ctrl-C)."
        })
public final class ModelServerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServerCommand.class);

    @Spec private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8001",
            description = "TCP port, 0 for any free one; default: ${DEFAULT-VALUE}")
    private int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description = "address to listen on; default: ${DEFAULT-VALUE}")
    private String host;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM server certificate")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 server key")
    private Path tlsKey;

    @Option(
            names = "--tls-client-ca",
            paramLabel = "FILE",
            description = "PEM CA of client certificates; clients must present one (mutual TLS)")
    private Path tlsClientCa;

    @Option(
            names = "--port-file",
            paramLabel = "FILE",
            description = "write the bound port here once serving (handy with --port 0)")
    private Path portFile;

    @Override
    public Integer call() throws IOException {
        ModelServerConfig config = config();
        try (ReferenceModel model = new ReferenceModel();
                ModelServer server = ModelServer.start(config, model)) {
            LOG.info(
                    "serving {} ({}) on {}:{} over {}",
                    ModelTensors.MODEL_NAME,
                    model.modelId(),
                    host,
                    server.port(),
                    config.tls() ? "TLS" : "plaintext");
            if (portFile != null) {
                Files.writeString(portFile, server.port() + "\n");
            }
            Thread hook = new Thread(server::close, "flowtrace-model-server-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            awaitStop(server);
            removeQuietly(hook);
        }
        return ExitCode.OK;
    }

    private ModelServerConfig config() {
        try {
            return ModelServerConfig.plaintext(port)
                    .withHost(host)
                    .withTls(tlsCert, tlsKey, tlsClientCa);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void awaitStop(ModelServer server) {
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("model server stopping");
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and runs the hook anyway
        }
    }
}
