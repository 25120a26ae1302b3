package io.flowtrace.model.server.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.grpc.InferTensor;
import io.flowtrace.inference.grpc.ProbeTensors;
import io.flowtrace.inference.grpc.v2.ModelInferRequest;
import io.flowtrace.inference.grpc.v2.ModelInferResponse;
import io.flowtrace.inference.grpc.v2.WireTensors;
import io.grpc.Status;
import io.grpc.StatusException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one ModelInfer request: checks it against the contract (INVALID_ARGUMENT naming the
 * tensor at fault), runs the probe model and returns the maps as raw {@code DIVERGENCE} contents.
 */
final class InferHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InferHandler.class);

    private final ProbeModel model;
    private final ModelDescription description;

    InferHandler(ProbeModel model, ModelDescription description) {
        this.model = model;
        this.description = description;
    }

    ModelInferResponse infer(ModelInferRequest r) throws StatusException {
        if (!description.serves(r.getModelName(), r.getModelVersion())) {
            throw status(
                    Status.NOT_FOUND, description.unknown(r.getModelName(), r.getModelVersion()));
        }
        ProbeRequest request = decode(r);
        ProbeResult result;
        try {
            result = model.probe(request);
        } catch (RuntimeException e) {
            LOG.warn("model {} failed on request '{}'", ModelTensors.MODEL_NAME, r.getId(), e);
            throw status(Status.INTERNAL, prefix() + "failed: " + e.getMessage());
        }
        return WireTensors.response(
                ModelTensors.MODEL_NAME, ModelDescription.VERSION, r.getId(), outputs(r, result));
    }

    /** The outputs the request names, in its order; all of them when it names none (as Triton). */
    private static List<InferTensor> outputs(ModelInferRequest r, ProbeResult result) {
        List<InferTensor> out = new ArrayList<>();
        if (r.getOutputsCount() == 0) {
            out.add(ProbeTensors.divergence(result.maps()));
            out.add(ProbeTensors.tokens(result.maps()));
            return out;
        }
        for (ModelInferRequest.InferRequestedOutputTensor o : r.getOutputsList()) {
            out.add(
                    o.getName().equals(ModelTensors.TOKENS)
                            ? ProbeTensors.tokens(result.maps())
                            : ProbeTensors.divergence(result.maps()));
        }
        return out;
    }

    private ProbeRequest decode(ModelInferRequest r) throws StatusException {
        for (ModelInferRequest.InferRequestedOutputTensor out : r.getOutputsList()) {
            if (!out.getName().equals(ModelTensors.DIVERGENCE)
                    && !out.getName().equals(ModelTensors.TOKENS)) {
                throw invalid(
                        "output "
                                + out.getName()
                                + ": unknown; the model has ["
                                + ModelTensors.DIVERGENCE
                                + ", "
                                + ModelTensors.TOKENS
                                + "]");
            }
        }
        ProbeRequest request;
        try {
            request = ProbeTensors.decode(WireTensors.inputs(r));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (request.pairs().size() > description.maxBatchSize()) {
            throw invalid(
                    "batch of "
                            + request.pairs().size()
                            + " crop pairs exceeds max_batch_size "
                            + description.maxBatchSize());
        }
        return request;
    }

    private static String prefix() {
        return "model " + ModelTensors.MODEL_NAME + " ";
    }

    private static StatusException invalid(String message) {
        return status(Status.INVALID_ARGUMENT, prefix() + message);
    }

    private static StatusException status(Status status, String message) {
        return status.withDescription(message).asException();
    }
}
