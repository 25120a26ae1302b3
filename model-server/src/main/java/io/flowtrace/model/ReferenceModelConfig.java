package io.flowtrace.model;

/**
 * Hyper-parameters of the CPU reference model; see {@code docs/reference-model.md} for the maths.
 *
 * @param searchRadius largest displacement, in crop pixels, the model considers per axis
 * @param neighbours revealed patches that inform each hidden patch
 * @param spatialSigma width in pixels of the spatial weight between a hidden and a revealed patch
 * @param matchTemperature temperature of the revealed patches' displacement posteriors, in units of
 *     mean squared error per pixel channel
 * @param robustClip per-channel difference at which the matching cost stops growing
 * @param colourSigma width, in 0..255 levels, of the appearance compatibility
 * @param supportCutoff displacements whose posterior falls below this fraction of the maximum are
 *     dropped
 * @param maxSupport most displacements kept per revealed posterior
 * @param bitSharpness slope of a code bit's probability in projection units
 * @param epsilon bit probabilities are kept in [epsilon, 1 - epsilon]
 * @param productPooling pool the neighbours' evidence as a robust product of experts (true) or as a
 *     mixture (false)
 * @param expertFloor floor added to each expert's support in the product
 * @param poolTemperature temperature applied to the pooled log-scores
 * @param contrastFloor when positive, each revealed patch's temperature scales with its variance
 *     plus this floor (relative to a variance of 400); when 0, the temperature is fixed
 */
public record ReferenceModelConfig(
        int searchRadius,
        int neighbours,
        double spatialSigma,
        double matchTemperature,
        double robustClip,
        double colourSigma,
        double supportCutoff,
        int maxSupport,
        double bitSharpness,
        double epsilon,
        boolean productPooling,
        double expertFloor,
        double poolTemperature,
        double contrastFloor) {

    public ReferenceModelConfig {
        if (searchRadius < 1 || searchRadius > 64) {
            throw new IllegalArgumentException(
                    "search radius must be in [1, 64], was " + searchRadius);
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be >= 1, was " + neighbours);
        }
        if (!(spatialSigma > 0 && matchTemperature > 0 && robustClip > 0 && colourSigma > 0)) {
            throw new IllegalArgumentException("widths and temperatures must be positive");
        }
        if (!(supportCutoff >= 0 && supportCutoff < 1) || maxSupport < 1) {
            throw new IllegalArgumentException("support cutoff in [0, 1) and max support >= 1");
        }
        if (!(bitSharpness > 0) || !(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("bit sharpness > 0 and epsilon in (0, 0.5)");
        }
        if (!(expertFloor > 0) || !(poolTemperature > 0)) {
            throw new IllegalArgumentException("expert floor and pool temperature must be > 0");
        }
        if (!(contrastFloor >= 0)) {
            throw new IllegalArgumentException("contrast floor must be >= 0, was " + contrastFloor);
        }
    }

    public static ReferenceModelConfig defaults() {
        return new ReferenceModelConfig(
                16, 8, 16.0, 30.0, 48.0, 100.0, 1e-3, 48, 4.0, 1e-3, true, 0.05, 1.0, 0.0);
    }

    public ReferenceModelConfig withSearchRadius(int r) {
        return new ReferenceModelConfig(
                r,
                neighbours,
                spatialSigma,
                matchTemperature,
                robustClip,
                colourSigma,
                supportCutoff,
                maxSupport,
                bitSharpness,
                epsilon,
                productPooling,
                expertFloor,
                poolTemperature,
                contrastFloor);
    }
}
