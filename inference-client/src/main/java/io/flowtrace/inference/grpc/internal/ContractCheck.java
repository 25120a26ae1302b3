package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcInferenceClient;
import io.flowtrace.inference.grpc.InferenceException;
import io.flowtrace.inference.grpc.ModelMetadata;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before the first probe, that the server is live and ready and serves the probe model with
 * exactly the tensors of {@link ModelTensors} (metadata shapes carry the batch dimension).
 */
public final class ContractCheck {

    private ContractCheck() {}

    /** Returns the model's metadata, or fails with a message naming every mismatch. */
    public static ModelMetadata verify(GrpcInferenceClient client) {
        GrpcClientConfig c = client.config();
        String where = " at " + c.target();
        require(client.serverLive(), "the inference server" + where + " is not live");
        require(client.serverReady(), "the inference server" + where + " is not ready");
        require(
                client.modelReady(c.modelName(), c.modelVersion()),
                "model " + c.modelName() + " is not ready" + where);
        ModelMetadata metadata = client.modelMetadata(c.modelName(), c.modelVersion());
        List<String> problems = mismatches(c.modelName(), metadata);
        require(problems.isEmpty(), String.join("; ", problems) + where);
        return metadata;
    }

    /** Every difference between the served tensors and the contract, one message each. */
    public static List<String> mismatches(String model, ModelMetadata served) {
        List<String> out = new ArrayList<>();
        compare(model, "input", ModelTensors.INPUTS, served.inputs(), out);
        compare(model, "output", ModelTensors.OUTPUTS, served.outputs(), out);
        for (TensorSpec s : served.inputs()) {
            if (find(ModelTensors.INPUTS, s.name()).isEmpty()) {
                out.add(
                        "model "
                                + model
                                + " input "
                                + s.name()
                                + ": server says "
                                + text(s)
                                + ", flowtrace does not send it");
            }
        }
        return out;
    }

    private static void compare(
            String model,
            String kind,
            List<TensorSpec> expected,
            List<TensorSpec> served,
            List<String> out) {
        for (TensorSpec e : expected) {
            TensorSpec want = e.batched();
            Optional<TensorSpec> got = find(served, e.name());
            String prefix = "model " + model + " " + kind + " " + e.name() + ": server ";
            if (got.isEmpty()) {
                out.add(prefix + "does not declare it, flowtrace expects " + text(want));
            } else if (!got.get().equals(want)) {
                out.add(prefix + "says " + text(got.get()) + ", flowtrace expects " + text(want));
            }
        }
    }

    private static Optional<TensorSpec> find(List<TensorSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String text(TensorSpec s) {
        return s.datatype() + " " + TensorShapes.text(s.dims());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InferenceException(message, Status.Code.FAILED_PRECONDITION);
        }
    }
}
