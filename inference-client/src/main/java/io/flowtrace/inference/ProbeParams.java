package io.flowtrace.inference;

import java.io.Serializable;

/**
 * Parameters of one probe step, shared by every pair in a request.
 *
 * @param sigma standard deviation of the Gaussian dot, in crop pixels
 * @param amplitude value added to each RGB channel at the dot's centre (before clipping)
 * @param maskRatio fraction of frame-2 patches hidden from the model
 * @param readout what is compared between the clean and perturbed predictions
 * @param mapSize {@link ModelTensors#GRID} (one value per 8x8 patch, first code only) or {@link
 *     ModelTensors#FINE_GRID} (one value per 4x4 code cell, all four codes of a patch)
 * @param plan how the model computes the sequences (cost, not meaning)
 */
public record ProbeParams(
        double sigma,
        double amplitude,
        double maskRatio,
        Readout readout,
        int mapSize,
        SequencePlan plan)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The paper's recipe: sigma 2 px, amplitude 255, mask ratio 0.9, KL, 32x32 maps. */
    public static final ProbeParams PAPER =
            new ProbeParams(2.0, 255.0, 0.9, Readout.KL, ModelTensors.GRID);

    public ProbeParams {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive number, was " + sigma);
        }
        if (!(amplitude >= 0) || !Double.isFinite(amplitude)) {
            throw new IllegalArgumentException(
                    "amplitude must be a non-negative number, was " + amplitude);
        }
        if (!(maskRatio >= 0 && maskRatio < 1)) {
            throw new IllegalArgumentException("mask ratio must be in [0, 1), was " + maskRatio);
        }
        if (readout == null) {
            throw new IllegalArgumentException("readout is required");
        }
        if (plan == null) {
            throw new IllegalArgumentException("sequence plan is required");
        }
        if (mapSize != ModelTensors.GRID && mapSize != ModelTensors.FINE_GRID) {
            throw new IllegalArgumentException(
                    "map size must be "
                            + ModelTensors.GRID
                            + " or "
                            + ModelTensors.FINE_GRID
                            + ", was "
                            + mapSize);
        }
    }

    /** Parameters with the {@link SequencePlan#PLAIN} plan. */
    public ProbeParams(
            double sigma, double amplitude, double maskRatio, Readout readout, int mapSize) {
        this(sigma, amplitude, maskRatio, readout, mapSize, SequencePlan.PLAIN);
    }

    public ProbeParams withSigma(double s) {
        return new ProbeParams(s, amplitude, maskRatio, readout, mapSize, plan);
    }

    public ProbeParams withAmplitude(double a) {
        return new ProbeParams(sigma, a, maskRatio, readout, mapSize, plan);
    }

    public ProbeParams withMaskRatio(double r) {
        return new ProbeParams(sigma, amplitude, r, readout, mapSize, plan);
    }

    public ProbeParams withReadout(Readout r) {
        return new ProbeParams(sigma, amplitude, maskRatio, r, mapSize, plan);
    }

    public ProbeParams withMapSize(int m) {
        return new ProbeParams(sigma, amplitude, maskRatio, readout, m, plan);
    }

    public ProbeParams withPlan(SequencePlan p) {
        return new ProbeParams(sigma, amplitude, maskRatio, readout, mapSize, p);
    }

    /** Number of revealed frame-2 patches: {@code floor(1024 * (1 - maskRatio))}. */
    public int revealedPatches() {
        return RevealMask.revealedCount(maskRatio);
    }
}
