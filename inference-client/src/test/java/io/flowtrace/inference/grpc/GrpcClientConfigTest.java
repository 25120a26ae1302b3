package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GrpcClientConfigTest {

    private static final GrpcTarget PLAIN = new GrpcTarget("h", 8001, false);

    @Test
    void defaultsMatchTheTritonModel() {
        GrpcClientConfig c = GrpcClientConfig.builder(PLAIN).build();

        assertThat(c.modelName()).isEqualTo("lras_kl_probe");
        assertThat(c.maxBatchSize()).isEqualTo(8);
        assertThat(c.maxAttempts()).isGreaterThan(1);
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void rejectsValuesThatCannotWorkNamingThem() {
        assertThatThrownBy(() -> GrpcClientConfig.builder(PLAIN).deadline(Duration.ZERO).build())
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> GrpcClientConfig.builder(PLAIN).maxInFlight(0).build())
                .hasMessageContaining("max in flight must be >= 1, was 0");
        assertThatThrownBy(
                        () ->
                                GrpcClientConfig.builder(PLAIN)
                                        .retries(0, Duration.ofMillis(1), Duration.ofMillis(1))
                                        .build())
                .hasMessageContaining("max attempts");
        assertThatThrownBy(
                        () ->
                                GrpcClientConfig.builder(PLAIN)
                                        .retries(2, Duration.ofSeconds(2), Duration.ofSeconds(1))
                                        .build())
                .hasMessageContaining("max backoff");
    }

    @Test
    void tlsFilesNeedAGrpcsTargetAndAKeyGoesWithItsCertificate() {
        Path pom = Path.of("pom.xml");
        assertThatThrownBy(() -> GrpcClientConfig.builder(PLAIN).tls(pom, null, null).build())
                .hasMessageContaining("grpcs://");
        GrpcTarget tls = new GrpcTarget("h", 8001, true);
        assertThatThrownBy(() -> GrpcClientConfig.builder(tls).tls(null, pom, null).build())
                .hasMessageContaining("go together");
        assertThatThrownBy(
                        () ->
                                GrpcClientConfig.builder(tls)
                                        .tls(Path.of("no-such-ca.pem"), null, null)
                                        .build())
                .hasMessageContaining("no-such-ca.pem");
    }
}
