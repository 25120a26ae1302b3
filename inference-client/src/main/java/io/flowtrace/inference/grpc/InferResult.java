package io.flowtrace.inference.grpc;

import java.util.List;

/** The answer to one inference request: the model that answered and its output tensors. */
public record InferResult(String modelName, String modelVersion, List<InferTensor> outputs) {

    public InferResult {
        outputs = List.copyOf(outputs);
    }

    /** The output called {@code name}. */
    public InferTensor output(String name) {
        for (InferTensor t : outputs) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalStateException(
                "model "
                        + modelName
                        + " answered without output "
                        + name
                        + "; outputs: "
                        + outputs.stream().map(InferTensor::name).toList());
    }
}
