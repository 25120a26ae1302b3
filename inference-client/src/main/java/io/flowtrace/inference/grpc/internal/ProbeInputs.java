package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.Readout;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.SequencePlan;
import io.flowtrace.inference.TensorSpec;
import io.flowtrace.inference.grpc.InferTensor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a probe request back from its input tensors, checking each against {@link
 * ModelTensors#INPUTS} (with the leading batch dimension) and naming the tensor at fault.
 */
public final class ProbeInputs {

    private static final int CROP_BYTES = ModelTensors.CROP_SIZE * ModelTensors.CROP_SIZE * 3;

    private ProbeInputs() {}

    public static ProbeRequest decode(Map<String, InferTensor> inputs) {
        checkNames(inputs);
        long batch = -1;
        for (TensorSpec spec : ModelTensors.INPUTS) {
            InferTensor t = inputs.get(spec.name());
            checkSpec(spec, t);
            long b = t.shape()[0];
            if (batch >= 0 && b != batch) {
                throw new IllegalArgumentException(
                        "input " + t + ": batch dimension " + b + " differs from " + batch);
            }
            batch = b;
        }
        int b = (int) batch;
        int p = (int) inputs.get(ModelTensors.PROBE_POINTS).shape()[1];
        int s = (int) inputs.get(ModelTensors.SEEDS).shape()[1];
        require(b >= 1, ModelTensors.FRAME1, "a request needs at least one crop pair");
        require(p >= 1, ModelTensors.PROBE_POINTS, "a pair needs at least one point");
        require(s >= 1, ModelTensors.SEEDS, "a pair needs at least one seed");
        return new ProbeRequest(pairs(inputs, b, p, s), params(inputs));
    }

    private static void checkNames(Map<String, InferTensor> inputs) {
        List<String> expected = ModelTensors.INPUTS.stream().map(TensorSpec::name).toList();
        for (String name : expected) {
            require(inputs.containsKey(name), name, "missing; the model takes " + expected);
        }
        for (String name : inputs.keySet()) {
            require(expected.contains(name), name, "unknown; the model takes " + expected);
        }
    }

    private static void checkSpec(TensorSpec spec, InferTensor t) {
        long[] want = spec.batched().dims();
        long[] got = t.shape();
        boolean ok = spec.datatype().equals(t.datatype()) && got.length == want.length;
        for (int i = 0; ok && i < want.length; i++) {
            ok = want[i] < 0 || want[i] == got[i];
        }
        require(
                ok,
                spec.name(),
                "expected "
                        + spec.datatype()
                        + " "
                        + TensorShapes.text(want)
                        + ", got "
                        + t.datatype()
                        + " "
                        + TensorShapes.text(got));
    }

    private static List<ProbePair> pairs(Map<String, InferTensor> in, int b, int p, int s) {
        ByteBuffer f1 = in.get(ModelTensors.FRAME1).data();
        ByteBuffer f2 = in.get(ModelTensors.FRAME2).data();
        float[] points = in.get(ModelTensors.PROBE_POINTS).asFloats();
        long[] seeds = in.get(ModelTensors.SEEDS).asLongs();
        float[] windows = in.get(ModelTensors.QUERY_WINDOW).asFloats();
        List<ProbePair> pairs = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            float[] xy = Arrays.copyOfRange(points, i * p * 2, (i + 1) * p * 2);
            for (float v : xy) {
                if (!Float.isFinite(v)) {
                    require(false, ModelTensors.PROBE_POINTS, "non-finite value " + v);
                }
            }
            pairs.add(
                    new ProbePair(
                            crop(f1, i),
                            crop(f2, i),
                            xy,
                            Arrays.copyOfRange(seeds, i * s, (i + 1) * s),
                            window(windows, i)));
        }
        return pairs;
    }

    private static QueryWindow window(float[] windows, int i) {
        try {
            return new QueryWindow(
                    windows[4 * i], windows[4 * i + 1], windows[4 * i + 2], windows[4 * i + 3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "input " + ModelTensors.QUERY_WINDOW + " (pair " + i + "): " + e.getMessage(),
                    e);
        }
    }

    /** Crop {@code i} of a batch, copied straight out of the raw contents (one copy per crop). */
    private static RgbImage crop(ByteBuffer frames, int i) {
        byte[] rgb = new byte[CROP_BYTES];
        frames.position(i * CROP_BYTES).get(rgb);
        return new RgbImage(ModelTensors.CROP_SIZE, ModelTensors.CROP_SIZE, rgb);
    }

    private static ProbeParams params(Map<String, InferTensor> in) {
        int readoutCode = uniformInt(in, ModelTensors.READOUT);
        int mapSize = uniformInt(in, ModelTensors.MAP_SIZE);
        require(
                mapSize == ModelTensors.GRID || mapSize == ModelTensors.FINE_GRID,
                ModelTensors.MAP_SIZE,
                "must be "
                        + ModelTensors.GRID
                        + " or "
                        + ModelTensors.FINE_GRID
                        + ", was "
                        + mapSize);
        require(
                readoutCode == 0 || readoutCode == 1,
                ModelTensors.READOUT,
                "must be 0 (KL) or 1 (RGB difference), was " + readoutCode);
        int planBits = uniformInt(in, ModelTensors.SEQUENCE_PLAN);
        require(
                planBits >= 0 && planBits <= 7,
                ModelTensors.SEQUENCE_PLAN,
                "must be 0 to 7 (1 shared prefix + 2 one frame-1 order + 4 independent queries), was "
                        + planBits);
        float sigma = uniformFloat(in, ModelTensors.SIGMA);
        float amplitude = uniformFloat(in, ModelTensors.AMPLITUDE);
        float maskRatio = uniformFloat(in, ModelTensors.MASK_RATIO);
        try {
            return new ProbeParams(
                    sigma,
                    amplitude,
                    maskRatio,
                    Readout.fromWireCode(readoutCode),
                    mapSize,
                    SequencePlan.fromBits(planBits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "inputs SIGMA, AMPLITUDE, MASK_RATIO: " + e.getMessage(), e);
        }
    }

    private static float uniformFloat(Map<String, InferTensor> in, String name) {
        float[] v = in.get(name).asFloats();
        for (float x : v) {
            require(
                    Float.compare(x, v[0]) == 0,
                    name,
                    "every pair of a request must have the same value, got " + v[0] + " and " + x);
        }
        return v[0];
    }

    private static int uniformInt(Map<String, InferTensor> in, String name) {
        int[] v = in.get(name).asInts();
        for (int x : v) {
            require(
                    x == v[0],
                    name,
                    "every pair of a request must have the same value, got " + v[0] + " and " + x);
        }
        return v[0];
    }

    private static void require(boolean ok, String tensor, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("input " + tensor + ": " + problem);
        }
    }
}
