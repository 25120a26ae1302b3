package io.flowtrace.model.server.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.grpc.v2.DataType;
import io.flowtrace.inference.grpc.v2.ModelConfig;
import io.flowtrace.inference.grpc.v2.ModelInput;
import io.flowtrace.inference.grpc.v2.ModelMetadataResponse;
import io.flowtrace.inference.grpc.v2.ModelOutput;
import io.flowtrace.inference.grpc.v2.WireTensors;
import java.util.Arrays;

/**
 * What the server says about the one model it serves, built from {@link ModelTensors}: metadata
 * shapes with the leading batch dimension -1, configuration dims without it (as Triton reports a
 * model with {@code max_batch_size > 0}).
 */
final class ModelDescription {

    static final String VERSION = "1";
    static final String BACKEND = "flowtrace";

    private final String platform;
    private final int maxBatchSize;

    ModelDescription(String platform, int maxBatchSize) {
        this.platform = platform;
        this.maxBatchSize = maxBatchSize;
    }

    /** Whether a request names this model; an empty version means any. */
    boolean serves(String name, String version) {
        return ModelTensors.MODEL_NAME.equals(name)
                && (version.isEmpty() || VERSION.equals(version));
    }

    String unknown(String name, String version) {
        return "unknown model '"
                + name
                + "' version '"
                + version
                + "'; this server serves "
                + ModelTensors.MODEL_NAME
                + " version "
                + VERSION;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    ModelMetadataResponse metadata() {
        ModelMetadataResponse.Builder b =
                ModelMetadataResponse.newBuilder()
                        .setName(ModelTensors.MODEL_NAME)
                        .addVersions(VERSION)
                        .setPlatform(platform);
        ModelTensors.INPUTS.forEach(s -> b.addInputs(WireTensors.metadata(s.batched())));
        ModelTensors.OUTPUTS.forEach(s -> b.addOutputs(WireTensors.metadata(s.batched())));
        return b.build();
    }

    ModelConfig config() {
        ModelConfig.Builder b =
                ModelConfig.newBuilder()
                        .setName(ModelTensors.MODEL_NAME)
                        .setPlatform(platform)
                        .setBackend(BACKEND)
                        .setMaxBatchSize(maxBatchSize);
        for (TensorSpec s : ModelTensors.INPUTS) {
            b.addInput(
                    ModelInput.newBuilder()
                            .setName(s.name())
                            .setDataType(dataType(s))
                            .addAllDims(dims(s)));
        }
        for (TensorSpec s : ModelTensors.OUTPUTS) {
            b.addOutput(
                    ModelOutput.newBuilder()
                            .setName(s.name())
                            .setDataType(dataType(s))
                            .addAllDims(dims(s)));
        }
        return b.build();
    }

    private static DataType dataType(TensorSpec s) {
        return DataType.valueOf("TYPE_" + s.datatype());
    }

    private static Iterable<Long> dims(TensorSpec s) {
        return Arrays.stream(s.dims()).boxed().toList();
    }
}
