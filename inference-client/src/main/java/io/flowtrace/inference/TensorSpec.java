package io.flowtrace.inference;

import java.util.Arrays;

/**
 * A tensor of the probe model's wire contract: name, KServe v2 datatype and shape without the batch
 * dimension ({@code -1} = any size).
 */
public record TensorSpec(String name, String datatype, long[] dims) {

    public TensorSpec {
        dims = dims.clone();
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    /**
     * This tensor with a leading batch dimension of any size ({@code -1}), as servers report a
     * batching model's tensors in their metadata.
     */
    public TensorSpec batched() {
        long[] shape = new long[dims.length + 1];
        shape[0] = -1;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return new TensorSpec(name, datatype, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t
                && name.equals(t.name)
                && datatype.equals(t.datatype)
                && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + datatype.hashCode()) + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + " " + datatype + " " + Arrays.toString(dims);
    }
}
