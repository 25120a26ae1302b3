package io.flowtrace.inference.grpc;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.QueryWindow;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.inference.grpc.internal.ProbeInputs;
import io.flowtrace.inference.grpc.internal.TensorShapes;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The probe step on the wire: a batch of crop pairs as the {@link ModelTensors} inputs, and their
 * maps as the {@link ModelTensors#DIVERGENCE} output. Both sides of the contract use this one
 * mapping, the client to encode requests and read answers, the embedded server the other way.
 */
public final class ProbeTensors {

    private ProbeTensors() {}

    /**
     * The input tensors of one request of {@code B} pairs, in {@link ModelTensors#INPUTS} order.
     * Every pair must have the same number of points and of seeds (the tensors are rectangular).
     */
    public static List<InferTensor> encode(List<ProbePair> pairs, ProbeParams params) {
        int b = pairs.size();
        int p = pairs.get(0).pointCount();
        int s = pairs.get(0).seeds().length;
        float[] points = new float[b * p * 2];
        long[] seeds = new long[b * s];
        float[] windows = new float[b * 4];
        for (int i = 0; i < b; i++) {
            ProbePair pair = requireShape(pairs, i, p, s);
            System.arraycopy(pair.points(), 0, points, i * p * 2, p * 2);
            System.arraycopy(pair.seeds(), 0, seeds, i * s, s);
            QueryWindow w = pair.window();
            windows[4 * i] = w.x0();
            windows[4 * i + 1] = w.y0();
            windows[4 * i + 2] = w.x1();
            windows[4 * i + 3] = w.y1();
        }
        long[] scalar = {b, 1};
        return List.of(
                crops(ModelTensors.FRAME1, pairs, ProbePair::frame1),
                crops(ModelTensors.FRAME2, pairs, ProbePair::frame2),
                InferTensor.fp32(ModelTensors.PROBE_POINTS, new long[] {b, p, 2}, points),
                InferTensor.int64(ModelTensors.SEEDS, new long[] {b, s}, seeds),
                fill(ModelTensors.SIGMA, scalar, (float) params.sigma()),
                fill(ModelTensors.AMPLITUDE, scalar, (float) params.amplitude()),
                fill(ModelTensors.MASK_RATIO, scalar, (float) params.maskRatio()),
                fillInt(ModelTensors.READOUT, scalar, params.readout().wireCode()),
                fillInt(ModelTensors.MAP_SIZE, scalar, params.mapSize()),
                InferTensor.fp32(ModelTensors.QUERY_WINDOW, new long[] {b, 4}, windows),
                fillInt(ModelTensors.SEQUENCE_PLAN, scalar, params.plan().bits()));
    }

    private static ProbePair requireShape(List<ProbePair> pairs, int i, int p, int s) {
        ProbePair pair = pairs.get(i);
        if (pair.pointCount() != p || pair.seeds().length != s) {
            throw new IllegalArgumentException(
                    "pairs of one batch need equal point and seed counts: pair 0 has "
                            + p
                            + " points and "
                            + s
                            + " seeds, pair "
                            + i
                            + " has "
                            + pair.pointCount()
                            + " points and "
                            + pair.seeds().length
                            + " seeds");
        }
        return pair;
    }

    /** UINT8 {@code [B, 256, 256, 3]}: the batch's crops, copied once into one array. */
    private static InferTensor crops(
            String name, List<ProbePair> pairs, Function<ProbePair, RgbImage> crop) {
        int frameBytes = ModelTensors.CROP_SIZE * ModelTensors.CROP_SIZE * 3;
        byte[] all = new byte[pairs.size() * frameBytes];
        for (int i = 0; i < pairs.size(); i++) {
            System.arraycopy(crop.apply(pairs.get(i)).rgb(), 0, all, i * frameBytes, frameBytes);
        }
        long[] shape = {pairs.size(), ModelTensors.CROP_SIZE, ModelTensors.CROP_SIZE, 3};
        // the array was made for this tensor: wrap it rather than copy it again
        return new InferTensor(name, ModelTensors.UINT8, shape, ByteBuffer.wrap(all));
    }

    /**
     * The probe request that a set of input tensors carries.
     *
     * @throws IllegalArgumentException naming the tensor when one is missing, unexpected, of the
     *     wrong datatype or shape, or holds a value the contract does not allow
     */
    public static ProbeRequest decode(Map<String, InferTensor> inputs) {
        return ProbeInputs.decode(inputs);
    }

    /** The {@link ModelTensors#DIVERGENCE} tensor, {@code [B, P, S, G, G]}, of a batch's maps. */
    public static InferTensor divergence(List<ProbeMaps> maps) {
        ProbeMaps first = maps.get(0);
        int cells = first.points() * first.seeds() * first.gridSize() * first.gridSize();
        float[] values = new float[maps.size() * cells];
        for (int i = 0; i < maps.size(); i++) {
            ProbeMaps m = maps.get(i);
            if (m.rawValues().length != cells) {
                throw new IllegalArgumentException(
                        "maps of one batch need equal shapes: pair " + i + " differs from pair 0");
            }
            System.arraycopy(m.rawValues(), 0, values, i * cells, cells);
        }
        long g = first.gridSize();
        long[] shape = {maps.size(), first.points(), first.seeds(), g, g};
        return InferTensor.fp32(ModelTensors.DIVERGENCE, shape, values);
    }

    /** The {@link ModelTensors#TOKENS} tensor, {@code [B, 1]}, of a batch's maps. */
    public static InferTensor tokens(List<ProbeMaps> maps) {
        long[] tokens = new long[maps.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = maps.get(i).tokens();
        }
        return InferTensor.int64(ModelTensors.TOKENS, new long[] {maps.size(), 1}, tokens);
    }

    /**
     * Splits a {@link ModelTensors#DIVERGENCE} tensor and its {@link ModelTensors#TOKENS} into
     * per-pair maps after checking that they are FP32 {@code [B, P, S, G, G]} and INT64 {@code [B,
     * 1]} for the request that asked for them.
     */
    public static List<ProbeMaps> maps(
            InferTensor divergence, InferTensor tokens, int b, int p, int s, int g) {
        long[] expected = {b, p, s, g, g};
        if (!divergence.datatype().equals(ModelTensors.FP32)
                || !Arrays.equals(divergence.shape(), expected)) {
            throw new IllegalArgumentException(
                    "output "
                            + divergence
                            + " does not answer the request: expected FP32 "
                            + TensorShapes.text(expected));
        }
        long[] expectedTokens = {b, 1};
        if (!tokens.datatype().equals(ModelTensors.INT64)
                || !Arrays.equals(tokens.shape(), expectedTokens)) {
            throw new IllegalArgumentException(
                    "output "
                            + tokens
                            + " does not answer the request: expected INT64 "
                            + TensorShapes.text(expectedTokens));
        }
        LongBuffer counts = tokens.data().asLongBuffer();
        // one copy per pair, straight out of the raw contents
        FloatBuffer values = divergence.data().asFloatBuffer();
        int cells = p * s * g * g;
        List<ProbeMaps> out = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            float[] one = new float[cells];
            values.position(i * cells).get(one);
            long count = counts.get(i);
            if (count < 0) {
                throw new IllegalArgumentException(
                        "output " + ModelTensors.TOKENS + " holds a negative count " + count);
            }
            out.add(new ProbeMaps(p, s, g, one, count));
        }
        return out;
    }

    private static InferTensor fill(String name, long[] shape, float value) {
        float[] v = new float[(int) shape[0]];
        Arrays.fill(v, value);
        return InferTensor.fp32(name, shape, v);
    }

    private static InferTensor fillInt(String name, long[] shape, int value) {
        int[] v = new int[(int) shape[0]];
        Arrays.fill(v, value);
        return InferTensor.int32(name, shape, v);
    }
}
