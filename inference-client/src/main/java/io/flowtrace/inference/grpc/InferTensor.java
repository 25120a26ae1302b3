package io.flowtrace.inference.grpc;

import io.flowtrace.inference.grpc.internal.TensorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A named tensor as it travels in a KServe v2 request or response: datatype, explicit shape and the
 * elements row-major, little-endian, without padding (the {@code raw_input_contents} / {@code
 * raw_output_contents} layout). Immutable; the factories copy primitive arrays once.
 */
public final class InferTensor {

    private final String name;
    private final String datatype;
    private final long[] shape;
    private final ByteBuffer data;

    /**
     * @param data the raw elements; its remaining bytes must match shape and datatype exactly. It
     *     is not copied: callers must not modify it afterwards
     */
    public InferTensor(String name, String datatype, long[] shape, ByteBuffer data) {
        this.name = Objects.requireNonNull(name, "name");
        this.datatype = Objects.requireNonNull(datatype, "datatype");
        this.shape = Objects.requireNonNull(shape, "shape").clone();
        long elements = TensorShapes.elements(this.shape);
        if (elements < 0) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": shape " + shapeText() + " has a negative dimension");
        }
        long bytes = elements * elementSize(name, datatype);
        if (bytes != data.remaining()) {
            throw new IllegalArgumentException(
                    "tensor "
                            + this
                            + " needs "
                            + bytes
                            + " bytes of raw contents, got "
                            + data.remaining());
        }
        this.data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int elementSize(String name, String datatype) {
        try {
            return TensorShapes.byteSize(datatype);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tensor " + name + ": " + e.getMessage(), e);
        }
    }

    public static InferTensor uint8(String name, long[] shape, byte[] values) {
        return new InferTensor(name, "UINT8", shape, ByteBuffer.wrap(values.clone()));
    }

    public static InferTensor int32(String name, long[] shape, int[] values) {
        ByteBuffer b = allocate(values.length * 4L);
        b.asIntBuffer().put(values);
        return new InferTensor(name, "INT32", shape, b);
    }

    public static InferTensor int64(String name, long[] shape, long[] values) {
        ByteBuffer b = allocate(values.length * 8L);
        b.asLongBuffer().put(values);
        return new InferTensor(name, "INT64", shape, b);
    }

    public static InferTensor fp32(String name, long[] shape, float[] values) {
        ByteBuffer b = allocate(values.length * 4L);
        b.asFloatBuffer().put(values);
        return new InferTensor(name, "FP32", shape, b);
    }

    private static ByteBuffer allocate(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    public String name() {
        return name;
    }

    public String datatype() {
        return datatype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The raw elements, little-endian, read-only; a new view on every call. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public int elementCount() {
        return Math.toIntExact(TensorShapes.elements(shape));
    }

    public byte[] asBytes() {
        require("UINT8", "INT8", "BOOL");
        byte[] out = new byte[elementCount()];
        data().get(out);
        return out;
    }

    public int[] asInts() {
        require("INT32", "UINT32");
        int[] out = new int[elementCount()];
        data().asIntBuffer().get(out);
        return out;
    }

    public long[] asLongs() {
        require("INT64", "UINT64");
        long[] out = new long[elementCount()];
        data().asLongBuffer().get(out);
        return out;
    }

    public float[] asFloats() {
        require("FP32");
        float[] out = new float[elementCount()];
        data().asFloatBuffer().get(out);
        return out;
    }

    private void require(String... types) {
        for (String t : types) {
            if (t.equals(datatype)) {
                return;
            }
        }
        throw new IllegalStateException(
                "tensor " + this + " cannot be read as " + String.join(" or ", types));
    }

    private String shapeText() {
        return TensorShapes.text(shape);
    }

    /** {@code NAME DATATYPE [d0,d1,...]}. */
    @Override
    public String toString() {
        return name + " " + datatype + " " + shapeText();
    }
}
