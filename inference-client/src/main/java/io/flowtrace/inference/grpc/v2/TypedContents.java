package io.flowtrace.inference.grpc.v2;

import io.flowtrace.inference.grpc.internal.TensorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads {@link InferTensorContents} (elements as typed repeated fields) into the raw layout, for
 * peers that send tensors that way instead of as raw contents.
 */
final class TypedContents {

    private TypedContents() {}

    /** The elements of {@code c} as little-endian raw bytes of {@code datatype}. */
    static ByteBuffer raw(String name, String datatype, InferTensorContents c) {
        List<? extends Number> values = numbers(name, datatype, c);
        int size = TensorShapes.byteSize(datatype);
        ByteBuffer out =
                ByteBuffer.allocate(Math.multiplyExact(values.size(), size))
                        .order(ByteOrder.LITTLE_ENDIAN);
        boolean real = datatype.startsWith("FP");
        for (Number v : values) {
            switch (size) {
                case 1 -> out.put(v.byteValue());
                case 2 -> out.putShort(v.shortValue());
                case 4 -> {
                    if (real) {
                        out.putFloat(v.floatValue());
                    } else {
                        out.putInt(v.intValue());
                    }
                }
                default -> {
                    if (real) {
                        out.putDouble(v.doubleValue());
                    } else {
                        out.putLong(v.longValue());
                    }
                }
            }
        }
        return out.flip();
    }

    private static List<? extends Number> numbers(
            String name, String datatype, InferTensorContents c) {
        return switch (datatype) {
            case "BOOL" -> c.getBoolContentsList().stream().map(b -> b ? 1 : 0).toList();
            case "UINT8", "UINT16", "UINT32" -> c.getUintContentsList();
            case "INT8", "INT16", "INT32" -> c.getIntContentsList();
            case "INT64" -> c.getInt64ContentsList();
            case "UINT64" -> c.getUint64ContentsList();
            case "FP32" -> c.getFp32ContentsList();
            case "FP64" -> c.getFp64ContentsList();
            default ->
                    throw new IllegalArgumentException(
                            "tensor "
                                    + name
                                    + ": "
                                    + datatype
                                    + " has no typed contents field; send it as raw contents");
        };
    }
}
