package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class InferTensorTest {

    @Test
    void storesElementsLittleEndianRowMajor() {
        InferTensor t = InferTensor.int32("X", new long[] {1, 2}, new int[] {1, 0x01020304});

        byte[] raw = new byte[8];
        t.data().get(raw);

        assertThat(raw).containsExactly(1, 0, 0, 0, 4, 3, 2, 1);
        assertThat(t.asInts()).containsExactly(1, 0x01020304);
        assertThat(t).hasToString("X INT32 [1,2]");
    }

    @Test
    void roundTripsEveryFactoryType() {
        long[] shape = {3};
        assertThat(InferTensor.fp32("F", shape, new float[] {1.5f, -0f, Float.NaN}).asFloats())
                .containsExactly(1.5f, -0f, Float.NaN);
        assertThat(InferTensor.int64("L", shape, new long[] {-1, Long.MAX_VALUE, 7}).asLongs())
                .containsExactly(-1, Long.MAX_VALUE, 7);
        assertThat(InferTensor.uint8("B", shape, new byte[] {(byte) 255, 0, 9}).asBytes())
                .containsExactly(255, 0, 9);
    }

    @Test
    void rejectsRawContentsThatDoNotMatchTheShape() {
        assertThatThrownBy(
                        () ->
                                new InferTensor(
                                        "SEEDS",
                                        "INT64",
                                        new long[] {1, 5},
                                        ByteBuffer.allocate(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor SEEDS INT64 [1,5] needs 40 bytes of raw contents, got 20");
        assertThatThrownBy(
                        () -> new InferTensor("S", "BYTES", new long[] {1}, ByteBuffer.allocate(1)))
                .hasMessageContaining("tensor S: unsupported datatype 'BYTES'");
    }

    @Test
    void refusesToReadAsAnotherType() {
        InferTensor t = InferTensor.fp32("F", new long[] {1}, new float[] {1});

        assertThatThrownBy(t::asLongs).hasMessageContaining("F FP32 [1] cannot be read as INT64");
    }
}
