package io.flowtrace.inference.grpc.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shapes and element sizes of KServe v2 tensors, and how messages print them. */
public final class TensorShapes {

    private TensorShapes() {}

    /** Bytes per element of a fixed-size KServe v2 datatype. */
    public static int byteSize(String datatype) {
        return switch (datatype) {
            case "BOOL", "UINT8", "INT8" -> 1;
            case "UINT16", "INT16", "FP16", "BF16" -> 2;
            case "UINT32", "INT32", "FP32" -> 4;
            case "UINT64", "INT64", "FP64" -> 8;
            default ->
                    throw new IllegalArgumentException(
                            "unsupported datatype '"
                                    + datatype
                                    + "'; raw tensors need a fixed-size type (BOOL, UINT8..64,"
                                    + " INT8..64, FP16, BF16, FP32, FP64)");
        };
    }

    /** The number of elements of a concrete shape; -1 when a dimension is negative. */
    public static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** A shape as {@code [1,256,256,3]}. */
    public static String text(long[] shape) {
        return Arrays.stream(shape)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(",", "[", "]"));
    }
}
