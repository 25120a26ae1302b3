package io.flowtrace.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.BatchingProbeModel;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.job.ModelProvider;
import io.flowtrace.model.ReferenceModel;
import io.flowtrace.model.server.ModelServer;
import io.flowtrace.model.server.ModelServerConfig;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ModelOptionsTest {

    @Command
    static final class Holder {
        @Mixin ModelOptions model = new ModelOptions();
    }

    private static ModelProvider provider(String... args) {
        return CommandLine.populateCommand(new Holder(), args).model.provider();
    }

    @Test
    void shipsAsAProviderThatConnectsWhereItIsCreated() throws Exception {
        try (ModelServer server =
                ModelServer.start(
                        ModelServerConfig.plaintext(0).withHost("127.0.0.1"),
                        new ReferenceModel())) {
            ModelProvider shipped =
                    InstantiationUtil.clone(
                            provider(
                                    "--model",
                                    "grpc://127.0.0.1:" + server.port(),
                                    "--model-batch-wait",
                                    "5"));

            try (ProbeModel model = shipped.create()) {
                assertThat(model).isInstanceOf(BatchingProbeModel.class);
                assertThat(model.modelId())
                        .isEqualTo("lras_kl_probe:1 at grpc://127.0.0.1:" + server.port());
            }
        }
    }

    @Test
    void makesTheReferenceModelByDefault() throws Exception {
        try (ProbeModel model = InstantiationUtil.clone(provider()).create()) {
            assertThat(model.modelId()).isEqualTo(new ReferenceModel().modelId());
        }
    }

    @Test
    void checksTheOptionsWhenTheProviderIsMadeNotOnTheTaskManagers() {
        assertThatThrownBy(() -> provider("--model", "grpc://127.0.0.1:1", "--model-deadline", "0"))
                .hasMessageContaining("--model-deadline must be a positive number of seconds");
        assertThatThrownBy(
                        () -> provider("--model", "grpcs://127.0.0.1:1", "--tls-ca", "/no/ca.pem"))
                .hasMessageContaining("/no/ca.pem");
    }
}
