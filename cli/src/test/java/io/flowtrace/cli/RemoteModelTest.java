package io.flowtrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.model.ReferenceModel;
import io.flowtrace.model.server.ModelServer;
import io.flowtrace.model.server.ModelServerConfig;
import io.flowtrace.synth.SyntheticClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowtrace track --model grpc://...} against the embedded model server. */
class RemoteModelTest {

    @TempDir static Path shared;
    @TempDir Path dir;

    private static Path task;
    private static ModelServer server;

    @BeforeAll
    static void serve() {
        SyntheticClip clip = TestTasks.clip(3, 3, 9);
        task = TestTasks.write(clip, shared.resolve("task"));
        server =
                ModelServer.start(
                        ModelServerConfig.plaintext(0).withHost("127.0.0.1"), new ReferenceModel());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CommandRun track(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("track"));
        args.addAll(Arrays.asList(TestTasks.FAST));
        args.addAll(
                List.of(
                        "--frames", task.resolve("frames").toString(),
                        "--queries", task.resolve("queries.csv").toString(),
                        "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void tracksOverGrpcExactlyAsInProcess() throws IOException {
        Path local = dir.resolve("local.csv");
        Path remote = dir.resolve("remote.csv");

        CommandRun a = track(local);
        CommandRun b = track(remote, "--model", "grpc://127.0.0.1:" + server.port());

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readString(remote)).isEqualTo(Files.readString(local));
    }

    @Test
    void coalescedRequestsGiveTheSameTracks() throws IOException {
        Path local = dir.resolve("local.csv");
        Path batched = dir.resolve("batched.csv");

        CommandRun a = track(local);
        CommandRun b =
                track(
                        batched,
                        "--model",
                        "grpc://127.0.0.1:" + server.port(),
                        "--model-batch-wait",
                        "5");

        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readString(batched)).isEqualTo(Files.readString(local));
    }

    @Test
    void rejectsAModelThatIsNeitherReferenceNorAGrpcAddress() {
        CommandRun run = track(dir.resolve("pred.csv"), "--model", "triton:8001");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid model", "grpc://host:port", "triton:8001");
    }

    @Test
    void rejectsTlsFilesForAPlaintextModel() {
        CommandRun run =
                track(
                        dir.resolve("pred.csv"),
                        "--model",
                        "grpc://127.0.0.1:" + server.port(),
                        "--tls-ca",
                        task.resolve("queries.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TLS files need a grpcs:// target");
    }

    @Test
    void failsWithTheServersAddressWhenNothingListens() throws IOException {
        int unused;
        try (var socket = new java.net.ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        CommandRun run =
                track(
                        dir.resolve("pred.csv"),
                        "--model",
                        "grpc://127.0.0.1:" + unused,
                        "--model-attempts",
                        "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("grpc://127.0.0.1:" + unused, "UNAVAILABLE");
        assertThat(dir.resolve("pred.csv")).doesNotExist();
    }
}
