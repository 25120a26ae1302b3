package io.flowtrace.inference;

/**
 * Which frame-2 patches a probe pass reveals to the model, as a pure function of (seed, mask
 * ratio).
 *
 * <p>Part of the model contract: every implementation (the in-process reference model, the LRAS
 * model on Triton) must reveal exactly these patches, so that clean and perturbed passes with the
 * same seed see the same frame-2 evidence and a request means the same thing on every server. The
 * generator is SplitMix64 seeded with the probe seed; the first {@code n} entries of a Fisher-Yates
 * shuffle of {@code 0..1023} (index = row * 32 + col), where step {@code i} swaps position {@code
 * i} with {@code i + (next() mod (1024 - i))}, unsigned, are revealed.
 */
public final class RevealMask {

    private RevealMask() {}

    /** Number of revealed patches for a mask ratio: {@code floor(1024 * (1 - ratio))}. */
    public static int revealedCount(double maskRatio) {
        return (int) (ModelTensors.PATCHES * (1.0 - maskRatio));
    }

    /** The revealed patch indices for a seed, in draw order. */
    public static int[] revealedIndices(long seed, double maskRatio) {
        int n = revealedCount(maskRatio);
        int[] order = new int[ModelTensors.PATCHES];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long state = seed;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            int j = i + (int) Long.remainderUnsigned(z, order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            out[i] = order[i];
        }
        return out;
    }

    /** A 1024-entry flag array, true where the patch is revealed. */
    public static boolean[] revealed(long seed, double maskRatio) {
        boolean[] flags = new boolean[ModelTensors.PATCHES];
        for (int idx : revealedIndices(seed, maskRatio)) {
            flags[idx] = true;
        }
        return flags;
    }
}
