package io.flowtrace.inference;

/**
 * The region of a frame-2 crop whose hidden patches a probe queries, {@code [x0, x1) x [y0, y1)} in
 * crop pixels. A patch is queried when its 8x8 square meets the region; map cells of patches that
 * are not queried read 0, and the model computes nothing for them (docs/model-contract.md, "Cost").
 */
public record QueryWindow(float x0, float y0, float x1, float y1) {

    /** The whole crop: every hidden patch is queried. */
    public static final QueryWindow FULL =
            new QueryWindow(0, 0, ModelTensors.CROP_SIZE, ModelTensors.CROP_SIZE);

    public QueryWindow {
        if (!Float.isFinite(x0)
                || !Float.isFinite(y0)
                || !Float.isFinite(x1)
                || !Float.isFinite(y1)) {
            throw new IllegalArgumentException(
                    "query window must be finite, was " + text(x0, y0, x1, y1));
        }
        if (!(x0 < x1 && y0 < y1)) {
            throw new IllegalArgumentException(
                    "query window needs x0 < x1 and y0 < y1, was " + text(x0, y0, x1, y1));
        }
    }

    /** The square of side {@code 2 * radius} around (x, y), in crop pixels. */
    public static QueryWindow around(double x, double y, double radius) {
        return new QueryWindow(
                (float) (x - radius),
                (float) (y - radius),
                (float) (x + radius),
                (float) (y + radius));
    }

    /** True when the 8x8 square of {@code patch} (row * 32 + col) meets this window. */
    public boolean meets(int patch) {
        int row = patch / ModelTensors.GRID;
        int col = patch % ModelTensors.GRID;
        int size = ModelTensors.PATCH_SIZE;
        return size * col < x1
                && size * col + size > x0
                && size * row < y1
                && size * row + size > y0;
    }

    /** True when every patch of the crop is queried. */
    public boolean coversCrop() {
        return x0 <= 0 && y0 <= 0 && x1 >= ModelTensors.CROP_SIZE && y1 >= ModelTensors.CROP_SIZE;
    }

    private static String text(float x0, float y0, float x1, float y1) {
        return "(" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ")";
    }
}
