package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.inference.grpc.GrpcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelServerCommandTest {

    @TempDir Path dir;

    private static int awaitPort(Path file, Thread command) throws Exception {
        for (int i = 0; i < 1000 && command.isAlive(); i++) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return Integer.parseInt(Files.readString(file).trim());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the model server did not report its port");
    }

    @Test
    void servesTheReferenceModelUntilInterrupted() throws Exception {
        Path portFile = dir.resolve("port");
        AtomicReference<CommandRun> result = new AtomicReference<>();
        Thread command =
                new Thread(
                        () ->
                                result.set(
                                        CommandRun.of(
                                                "model-server",
                                                "--host",
                                                "127.0.0.1",
                                                "--port",
                                                "0",
                                                "--port-file",
                                                portFile.toString())));
        command.start();
        int port = awaitPort(portFile, command);

        GrpcTarget target = new GrpcTarget("127.0.0.1", port, false);
        try (GrpcProbeModel model =
                GrpcProbeModel.connect(GrpcClientConfig.builder(target).build())) {
            RgbImage blank = RgbImage.blank(ModelTensors.CROP_SIZE, ModelTensors.CROP_SIZE);
            ProbePair pair = new ProbePair(blank, blank, new float[] {100, 100}, new long[] {1});
            assertThat(model.probe(ProbeRequest.of(pair, ProbeParams.PAPER)).get(0).gridSize())
                    .isEqualTo(32);
            assertThat(model.modelId()).isEqualTo("lras_kl_probe:1 at " + target);
        }
        command.interrupt();
        command.join(10_000);

        assertThat(command.isAlive()).isFalse();
        assertThat(result.get().exitCode()).as(result.get().err()).isZero();
    }

    @Test
    void rejectsAKeyWithoutItsCertificate() {
        CommandRun run = CommandRun.of("model-server", "--port", "0", "--tls-key", "key.pem");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a TLS certificate and its key go together");
    }
}
