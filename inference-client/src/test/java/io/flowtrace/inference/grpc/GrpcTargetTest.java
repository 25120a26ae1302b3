package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrpcTargetTest {

    @Test
    void parsesPlaintextAndTlsTargets() {
        assertThat(GrpcTarget.parse("grpc://triton.local:8001"))
                .isEqualTo(new GrpcTarget("triton.local", 8001, false));
        assertThat(GrpcTarget.parse("grpcs://10.0.0.7:443/"))
                .isEqualTo(new GrpcTarget("10.0.0.7", 443, true));
        assertThat(GrpcTarget.parse("grpc://[::1]:8001"))
                .isEqualTo(new GrpcTarget("::1", 8001, false));
    }

    @Test
    void printsAsItParses() {
        for (String text : new String[] {"grpc://h:1", "grpcs://h:65535", "grpc://[::1]:8001"}) {
            assertThat(GrpcTarget.parse(text)).hasToString(text);
        }
    }

    @Test
    void rejectsAddressesWithoutSchemePortOrWithAPath() {
        for (String bad :
                new String[] {
                    "localhost:8001", "http://h:8001", "grpc://h", "grpc://h:8001/x", "grpc://h:0"
                }) {
            assertThatThrownBy(() -> GrpcTarget.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.equals("grpc://h:0") ? "port" : "grpc://host:port");
        }
    }
}
