package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrpcTlsTest {

    @TempDir static Path dir;
    private static TestCertificates server;
    private static TestCertificates client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        server = TestCertificates.selfSigned(dir, "server");
        client = TestCertificates.selfSigned(dir, "client");
    }

    private static ServerCredentials tls(boolean requireClientCert) throws Exception {
        TlsServerCredentials.Builder b =
                TlsServerCredentials.newBuilder()
                        .keyManager(server.certificate().toFile(), server.key().toFile());
        if (requireClientCert) {
            b.trustManager(client.certificate().toFile())
                    .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        }
        return b.build();
    }

    @Test
    void connectsOverTlsTrustingTheServersCertificate() throws Exception {
        try (LoopbackServer s = LoopbackServer.tls(new FakeInferenceService(), tls(false));
                GrpcProbeModel model =
                        GrpcProbeModel.connect(
                                ProbeFixtures.fast(s.target())
                                        .tls(server.certificate(), null, null)
                                        .build())) {
            assertThat(model.modelId()).contains("grpcs://127.0.0.1:");
        }
    }

    @Test
    void aPlaintextClientCannotTalkToATlsServer() throws Exception {
        try (LoopbackServer s = LoopbackServer.tls(new FakeInferenceService(), tls(false))) {
            GrpcTarget plaintext = new GrpcTarget("127.0.0.1", s.target().port(), false);

            assertThatThrownBy(() -> GrpcProbeModel.connect(ProbeFixtures.fast(plaintext).build()))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("UNAVAILABLE");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerFails() throws Exception {
        try (LoopbackServer s = LoopbackServer.tls(new FakeInferenceService(), tls(false))) {
            GrpcClientConfig untrusting =
                    ProbeFixtures.fast(s.target()).tls(client.certificate(), null, null).build();

            assertThatThrownBy(() -> GrpcProbeModel.connect(untrusting))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("UNAVAILABLE");
        }
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() throws Exception {
        try (LoopbackServer s = LoopbackServer.tls(new FakeInferenceService(), tls(true))) {
            GrpcClientConfig.Builder base = ProbeFixtures.fast(s.target());

            assertThatThrownBy(
                            () ->
                                    GrpcProbeModel.connect(
                                            base.tls(server.certificate(), null, null).build()))
                    .isInstanceOf(InferenceException.class);
            try (GrpcProbeModel model =
                    GrpcProbeModel.connect(
                            base.tls(server.certificate(), client.certificate(), client.key())
                                    .build())) {
                assertThat(model.metrics().succeeded()).isEqualTo(4);
            }
        }
    }
}
