package io.flowtrace.inference.grpc.v2;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.grpc.InferTensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between {@link InferTensor}s and the KServe v2 messages that carry them. Tensors are
 * written as raw contents (little-endian, one entry per tensor in tensor order) and read from raw
 * or typed contents, whichever the peer used.
 */
public final class WireTensors {

    private WireTensors() {}

    /** An inference request carrying {@code inputs} as raw contents. */
    public static ModelInferRequest request(
            String model, String version, List<InferTensor> inputs, List<String> outputs) {
        ModelInferRequest.Builder b =
                ModelInferRequest.newBuilder().setModelName(model).setModelVersion(version);
        for (InferTensor t : inputs) {
            b.addInputs(
                    ModelInferRequest.InferInputTensor.newBuilder()
                            .setName(t.name())
                            .setDatatype(t.datatype())
                            .addAllShape(shapeList(t.shape())));
            b.addRawInputContents(bytes(t));
        }
        for (String name : outputs) {
            b.addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName(name));
        }
        return b.build();
    }

    /** A response carrying {@code outputs} as raw contents. */
    public static ModelInferResponse response(
            String model, String version, String id, List<InferTensor> outputs) {
        ModelInferResponse.Builder b =
                ModelInferResponse.newBuilder()
                        .setModelName(model)
                        .setModelVersion(version)
                        .setId(id);
        for (InferTensor t : outputs) {
            b.addOutputs(
                    ModelInferResponse.InferOutputTensor.newBuilder()
                            .setName(t.name())
                            .setDatatype(t.datatype())
                            .addAllShape(shapeList(t.shape())));
            b.addRawOutputContents(bytes(t));
        }
        return b.build();
    }

    /**
     * A request's input tensors by name, in request order.
     *
     * @throws IllegalArgumentException naming the tensor when one is malformed or repeated
     */
    public static Map<String, InferTensor> inputs(ModelInferRequest r) {
        checkRawCount("inputs", r.getInputsCount(), r.getRawInputContentsCount());
        Map<String, InferTensor> out = new LinkedHashMap<>();
        for (int i = 0; i < r.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor t = r.getInputs(i);
            ByteBuffer data =
                    r.getRawInputContentsCount() > 0
                            ? r.getRawInputContents(i).asReadOnlyByteBuffer()
                            : typed(t.getName(), t.getDatatype(), t.hasContents(), t.getContents());
            InferTensor tensor =
                    new InferTensor(t.getName(), t.getDatatype(), toArray(t.getShapeList()), data);
            if (out.put(t.getName(), tensor) != null) {
                throw new IllegalArgumentException("input " + t.getName() + " appears twice");
            }
        }
        return out;
    }

    /** A response's output tensors, in response order. */
    public static List<InferTensor> outputs(ModelInferResponse r) {
        checkRawCount("outputs", r.getOutputsCount(), r.getRawOutputContentsCount());
        List<InferTensor> out = new ArrayList<>(r.getOutputsCount());
        for (int i = 0; i < r.getOutputsCount(); i++) {
            ModelInferResponse.InferOutputTensor t = r.getOutputs(i);
            ByteBuffer data =
                    r.getRawOutputContentsCount() > 0
                            ? r.getRawOutputContents(i).asReadOnlyByteBuffer()
                            : typed(t.getName(), t.getDatatype(), t.hasContents(), t.getContents());
            out.add(new InferTensor(t.getName(), t.getDatatype(), toArray(t.getShapeList()), data));
        }
        return out;
    }

    /** A metadata tensor as a spec whose dims are the full shape, batch dimension included. */
    public static TensorSpec spec(ModelMetadataResponse.TensorMetadata t) {
        return new TensorSpec(t.getName(), t.getDatatype(), toArray(t.getShapeList()));
    }

    /** A spec as metadata; its dims become the reported shape unchanged. */
    public static ModelMetadataResponse.TensorMetadata metadata(TensorSpec s) {
        return ModelMetadataResponse.TensorMetadata.newBuilder()
                .setName(s.name())
                .setDatatype(s.datatype())
                .addAllShape(shapeList(s.dims()))
                .build();
    }

    private static ByteString bytes(InferTensor t) {
        // no copy: the tensor's buffer is immutable once built
        return UnsafeByteOperations.unsafeWrap(t.data());
    }

    private static ByteBuffer typed(
            String name, String datatype, boolean has, InferTensorContents contents) {
        if (!has) {
            throw new IllegalArgumentException("tensor " + name + " has no contents");
        }
        return TypedContents.raw(name, datatype, contents);
    }

    private static void checkRawCount(String what, int tensors, int raw) {
        if (raw != 0 && raw != tensors) {
            throw new IllegalArgumentException(
                    "the message has " + tensors + " " + what + " but " + raw + " raw contents");
        }
    }

    private static List<Long> shapeList(long[] shape) {
        List<Long> out = new ArrayList<>(shape.length);
        for (long d : shape) {
            out.add(d);
        }
        return out;
    }

    private static long[] toArray(List<Long> shape) {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }
}
