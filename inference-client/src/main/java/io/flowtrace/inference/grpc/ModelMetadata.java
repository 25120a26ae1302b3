package io.flowtrace.inference.grpc;

import io.flowtrace.inference.TensorSpec;
import java.util.List;

/**
 * A model's metadata as a KServe v2 server reports it; tensor shapes include the batch dimension
 * ({@code -1}) when the model batches.
 */
public record ModelMetadata(
        String name,
        List<String> versions,
        String platform,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs) {

    public ModelMetadata {
        versions = List.copyOf(versions);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
