package io.flowtrace.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.TritonConfigFile;
import io.flowtrace.inference.grpc.v2.ModelConfig;
import io.flowtrace.inference.grpc.v2.ModelConfigRequest;
import io.flowtrace.inference.grpc.v2.ModelMetadataRequest;
import io.flowtrace.inference.grpc.v2.ModelMetadataResponse;
import io.flowtrace.inference.grpc.v2.ServerMetadataRequest;
import io.flowtrace.inference.grpc.v2.WireTensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One contract in three places: {@link ModelTensors}, what the embedded server reports
 * (ModelMetadata, ModelConfig) and the Triton model's {@code config.pbtxt}.
 */
class ServedContractAgreementTest {

    @Test
    void metadataConfigAndPbtxtAgreeWithModelTensors() throws Exception {
        TritonConfigFile pbtxt = TritonConfigFile.probeModel();
        try (LocalServer server = LocalServer.start(new ZeroProbeModel())) {
            ModelMetadataResponse metadata =
                    server.stub()
                            .modelMetadata(
                                    ModelMetadataRequest.newBuilder()
                                            .setName(ModelTensors.MODEL_NAME)
                                            .build());
            ModelConfig config =
                    server.stub()
                            .modelConfig(
                                    ModelConfigRequest.newBuilder()
                                            .setName(ModelTensors.MODEL_NAME)
                                            .build())
                            .getConfig();

            assertThat(metadata.getName())
                    .isEqualTo(ModelTensors.MODEL_NAME)
                    .isEqualTo(pbtxt.name());
            assertThat(metadata.getInputsList().stream().map(WireTensors::spec))
                    .containsExactlyElementsOf(batched(ModelTensors.INPUTS))
                    .containsExactlyInAnyOrderElementsOf(batched(pbtxt.inputs()));
            assertThat(metadata.getOutputsList().stream().map(WireTensors::spec))
                    .containsExactlyElementsOf(batched(ModelTensors.OUTPUTS))
                    .containsExactlyInAnyOrderElementsOf(batched(pbtxt.outputs()));

            assertThat(config.getName()).isEqualTo(pbtxt.name());
            assertThat(config.getMaxBatchSize()).isEqualTo(pbtxt.maxBatchSize());
            assertThat(configInputs(config)).containsExactlyInAnyOrderElementsOf(pbtxt.inputs());
            assertThat(configOutputs(config)).containsExactlyInAnyOrderElementsOf(pbtxt.outputs());
            assertThat(
                            server.stub()
                                    .serverMetadata(ServerMetadataRequest.getDefaultInstance())
                                    .getName())
                    .isEqualTo("flowtrace");
        }
    }

    private static List<TensorSpec> batched(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::batched).toList();
    }

    private static List<TensorSpec> configInputs(ModelConfig c) {
        return c.getInputList().stream()
                .map(i -> spec(i.getName(), i.getDataType().name(), i.getDimsList()))
                .toList();
    }

    private static List<TensorSpec> configOutputs(ModelConfig c) {
        return c.getOutputList().stream()
                .map(o -> spec(o.getName(), o.getDataType().name(), o.getDimsList()))
                .toList();
    }

    /** A config tensor as config.pbtxt spells it: datatype without the TYPE_ prefix. */
    private static TensorSpec spec(String name, String dataType, List<Long> dims) {
        return new TensorSpec(
                name,
                dataType.substring("TYPE_".length()),
                dims.stream().mapToLong(Long::longValue).toArray());
    }
}
