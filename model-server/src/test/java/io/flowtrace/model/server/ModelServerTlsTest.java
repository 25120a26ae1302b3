package io.flowtrace.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.inference.grpc.GrpcTarget;
import io.flowtrace.inference.grpc.InferenceException;
import io.flowtrace.inference.grpc.ProbeFixtures;
import io.flowtrace.inference.grpc.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelServerTlsTest {

    @TempDir static Path dir;
    private static TestCertificates serverCert;
    private static TestCertificates clientCert;

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverCert = TestCertificates.selfSigned(dir, "server");
        clientCert = TestCertificates.selfSigned(dir, "client");
    }

    private static ModelServerConfig tls(Path clientCa) {
        return ModelServerConfig.plaintext(0)
                .withHost("127.0.0.1")
                .withTls(serverCert.certificate(), serverCert.key(), clientCa);
    }

    private static GrpcClientConfig.Builder client(GrpcTarget target) {
        return GrpcClientConfig.builder(target)
                .deadline(Duration.ofSeconds(10))
                .retries(2, Duration.ofMillis(1), Duration.ofMillis(2));
    }

    @Test
    void servesProbesOverTls() throws Exception {
        try (LocalServer server = LocalServer.start(tls(null), new ZeroProbeModel());
                GrpcProbeModel model =
                        GrpcProbeModel.connect(
                                client(server.target())
                                        .tls(serverCert.certificate(), null, null)
                                        .build())) {
            ProbeRequest request = ProbeRequest.of(ProbeFixtures.pair(1, 1), ProbeParams.PAPER);

            assertThat(model.probe(request).get(0).gridSize()).isEqualTo(32);
            assertThat(model.modelId()).startsWith("lras_kl_probe:1 at grpcs://127.0.0.1:");
        }
    }

    @Test
    void aPlaintextClientIsRefused() throws Exception {
        try (LocalServer server = LocalServer.start(tls(null), new ZeroProbeModel())) {
            GrpcTarget plaintext = new GrpcTarget("127.0.0.1", server.server.port(), false);

            assertThatThrownBy(() -> GrpcProbeModel.connect(client(plaintext).build()))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("UNAVAILABLE");
        }
    }

    @Test
    void mutualTlsRefusesClientsWithoutACertificate() throws Exception {
        try (LocalServer server =
                LocalServer.start(tls(clientCert.certificate()), new ZeroProbeModel())) {
            GrpcClientConfig.Builder base = client(server.target());

            assertThatThrownBy(
                            () ->
                                    GrpcProbeModel.connect(
                                            base.tls(serverCert.certificate(), null, null).build()))
                    .isInstanceOf(InferenceException.class);
            GrpcClientConfig withCert =
                    base.tls(serverCert.certificate(), clientCert.certificate(), clientCert.key())
                            .build();
            try (GrpcProbeModel model = GrpcProbeModel.connect(withCert)) {
                assertThat(model.metrics().failed()).isZero();
            }
        }
    }
}
