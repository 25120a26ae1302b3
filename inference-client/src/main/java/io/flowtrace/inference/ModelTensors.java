package io.flowtrace.inference;

import java.util.List;

/**
 * Names, data types and shapes of the counterfactual-probe model as served by Triton (KServe v2).
 *
 * <p>The single definition of the wire contract. {@code deploy/triton/lras_kl_probe/config.pbtxt}
 * and the embedded model server must agree with it; a test checks that they do. {@code B} is the
 * batch of crop pairs, {@code P} the probe points per pair, {@code S} the mask seeds per pair and
 * {@code G} the map size (32 or 64).
 */
public final class ModelTensors {

    private ModelTensors() {}

    /** Model name under which the probe step is served. */
    public static final String MODEL_NAME = "lras_kl_probe";

    /** Side of the square crops the model sees, in pixels. */
    public static final int CROP_SIZE = 256;

    /** Side of an LRAS patch in pixels. */
    public static final int PATCH_SIZE = 8;

    /** Side of a tokenizer code cell in pixels (four cells per patch). */
    public static final int CELL_SIZE = 4;

    /** Patches per side: one value per patch in a coarse map. */
    public static final int GRID = CROP_SIZE / PATCH_SIZE;

    /** Code cells per side: one value per cell in a fine map. */
    public static final int FINE_GRID = CROP_SIZE / CELL_SIZE;

    /** Patches per frame. */
    public static final int PATCHES = GRID * GRID;

    /** UINT8 [B, 256, 256, 3]: the query-frame crops, RGB. */
    public static final String FRAME1 = "FRAME1";

    /** UINT8 [B, 256, 256, 3]: the target-frame crops, RGB. */
    public static final String FRAME2 = "FRAME2";

    /** FP32 [B, P, 2]: probe points (x, y) in frame-1 crop pixels; integers are pixel centres. */
    public static final String PROBE_POINTS = "PROBE_POINTS";

    /** INT64 [B, S]: mask seeds; each seed selects the revealed patches via {@link RevealMask}. */
    public static final String SEEDS = "SEEDS";

    /** FP32 [B, 1]: standard deviation of the Gaussian dot in crop pixels. */
    public static final String SIGMA = "SIGMA";

    /** FP32 [B, 1]: amplitude of the Gaussian dot per channel. */
    public static final String AMPLITUDE = "AMPLITUDE";

    /** FP32 [B, 1]: fraction of frame-2 patches hidden. */
    public static final String MASK_RATIO = "MASK_RATIO";

    /** INT32 [B, 1]: {@link Readout#wireCode()}. */
    public static final String READOUT = "READOUT";

    /** INT32 [B, 1]: map size G, 32 or 64. */
    public static final String MAP_SIZE = "MAP_SIZE";

    /**
     * FP32 [B, 4]: (x0, y0, x1, y1) in crop pixels, the region whose hidden patches are queried.
     */
    public static final String QUERY_WINDOW = "QUERY_WINDOW";

    /** INT32 [B, 1]: {@link SequencePlan#bits()}. */
    public static final String SEQUENCE_PLAN = "SEQUENCE_PLAN";

    /** INT64 [B, 1]: transformer tokens the pair cost, by the rule of {@link ProbeCost}. */
    public static final String TOKENS = "TOKENS";

    /** FP32 [B, P, S, G, G]: one divergence map per (probe point, seed); revealed patches are 0. */
    public static final String DIVERGENCE = "DIVERGENCE";

    /** Every input, in the order servers list them; shapes exclude the batch dimension. */
    public static final List<TensorSpec> INPUTS =
            List.of(
                    new TensorSpec(FRAME1, "UINT8", new long[] {CROP_SIZE, CROP_SIZE, 3}),
                    new TensorSpec(FRAME2, "UINT8", new long[] {CROP_SIZE, CROP_SIZE, 3}),
                    new TensorSpec(PROBE_POINTS, "FP32", new long[] {-1, 2}),
                    new TensorSpec(SEEDS, "INT64", new long[] {-1}),
                    new TensorSpec(SIGMA, "FP32", new long[] {1}),
                    new TensorSpec(AMPLITUDE, "FP32", new long[] {1}),
                    new TensorSpec(MASK_RATIO, "FP32", new long[] {1}),
                    new TensorSpec(READOUT, "INT32", new long[] {1}),
                    new TensorSpec(MAP_SIZE, "INT32", new long[] {1}),
                    new TensorSpec(QUERY_WINDOW, "FP32", new long[] {4}),
                    new TensorSpec(SEQUENCE_PLAN, "INT32", new long[] {1}));

    /** Every output; shapes exclude the batch dimension. */
    public static final List<TensorSpec> OUTPUTS =
            List.of(
                    new TensorSpec(DIVERGENCE, "FP32", new long[] {-1, -1, -1, -1}),
                    new TensorSpec(TOKENS, "INT64", new long[] {1}));

    public static final String UINT8 = "UINT8";
    public static final String FP32 = "FP32";
    public static final String INT32 = "INT32";
    public static final String INT64 = "INT64";
}
