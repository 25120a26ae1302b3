package io.flowtrace.model.internal;

/**
 * The model's prediction for one hidden frame-2 patch: per code cell (top-left, top-right,
 * bottom-left, bottom-right), the probability of each of the 16 code bits, and optionally the
 * expected RGB values of the cell's 16 pixels.
 */
record PatchPrediction(float[] bits, float[] rgb) {

    /** KL(this || other) of cell {@code cell}'s code distribution, in nats. */
    double klTo(PatchPrediction other, int cell) {
        double kl = 0;
        int off = cell * LocalQuantizer.BITS;
        for (int k = 0; k < LocalQuantizer.BITS; k++) {
            double p = bits[off + k];
            double q = other.bits[off + k];
            kl += p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
        }
        return kl;
    }

    /** L1 distance of cell {@code cell}'s expected RGB values to {@code other}'s, over 255. */
    double rgbDistanceTo(PatchPrediction other, int cell) {
        double sum = 0;
        int off = cell * LocalQuantizer.CELL * LocalQuantizer.CELL * 3;
        for (int i = 0; i < LocalQuantizer.CELL * LocalQuantizer.CELL * 3; i++) {
            sum += Math.abs(rgb[off + i] - other.rgb[off + i]);
        }
        return sum / 255.0;
    }
}
