package io.flowtrace.inference;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The token rule of the probe contract (docs/model-contract.md, "Cost"): how many transformer
 * tokens LRAS computes for one crop pair of a request, under its {@link SequencePlan}. LRAS on
 * Triton counts the tokens it runs; models without a transformer report this count, so every model
 * behind the contract is charged alike.
 */
public final class ProbeCost {

    /** Tokens of one pass-equivalent: a full probe sequence at mask ratio 0.9, 32x32 map. */
    public static final int PASS_TOKENS = 6552;

    private static final int TOKENS_PER_PATCH = 5;
    private static final int FRAME_TOKENS = ModelTensors.PATCHES * TOKENS_PER_PATCH;

    private ProbeCost() {}

    /** Tokens as pass-equivalents. */
    public static double passEquivalents(long tokens) {
        return tokens / (double) PASS_TOKENS;
    }

    /** The tokens LRAS computes for {@code pair} under {@code params}. */
    public static long tokens(ProbePair pair, ProbeParams params) {
        List<BitSet> active = new ArrayList<>();
        for (int p = 0; p < pair.pointCount(); p++) {
            BitSet touched = touchedPatches(pair.frame1(), pair.x(p), pair.y(p), params);
            if (!touched.isEmpty()) {
                active.add(touched);
            }
        }
        if (active.isEmpty()) {
            return 0;
        }
        int revealed = params.revealedPatches();
        int codes = params.mapSize() == ModelTensors.FINE_GRID ? 4 : 1;
        List<Integer> queried = new ArrayList<>();
        for (long seed : pair.seeds()) {
            int q = queriedCount(seed, params.maskRatio(), pair.window());
            if (q > 0) {
                queried.add(q);
            }
        }
        if (queried.isEmpty()) {
            return 0;
        }
        if (!params.plan().sharedPrefix()) {
            long total = 0;
            for (int q : queried) {
                long sequence =
                        (long) codes * (FRAME_TOKENS + TOKENS_PER_PATCH * revealed)
                                + (long) q * codes * (codes + 1) / 2;
                total += (1L + active.size()) * sequence;
            }
            return total;
        }
        long best = Long.MAX_VALUE;
        for (int g = 1; g <= active.size(); g++) {
            long total = 0;
            for (int from = 0; from < active.size(); from += g) {
                List<BitSet> group = active.subList(from, Math.min(active.size(), from + g));
                total += groupTokens(group, queried, revealed, codes, params.plan());
            }
            best = Math.min(best, total); // strict: the smallest g wins ties
        }
        return best;
    }

    /** The frame-1 patches holding a pixel the point's dot changes. */
    public static BitSet touchedPatches(RgbImage frame1, double x, double y, ProbeParams params) {
        BitSet touched = new BitSet(ModelTensors.PATCHES);
        int size = ModelTensors.PATCH_SIZE;
        GaussianDot.forEachChangedPixel(
                frame1,
                x,
                y,
                params.sigma(),
                params.amplitude(),
                (u, v) -> touched.set((v / size) * ModelTensors.GRID + u / size));
        return touched;
    }

    /** Hidden patches of a seed that meet the window. */
    public static int queriedCount(long seed, double maskRatio, QueryWindow window) {
        boolean[] shown = RevealMask.revealed(seed, maskRatio);
        int q = 0;
        for (int patch = 0; patch < ModelTensors.PATCHES; patch++) {
            if (!shown[patch] && window.meets(patch)) {
                q++;
            }
        }
        return q;
    }

    private static long groupTokens(
            List<BitSet> group, List<Integer> queried, int revealed, int codes, SequencePlan plan) {
        BitSet union = new BitSet(ModelTensors.PATCHES);
        for (BitSet t : group) {
            union.or(t);
        }
        long u = union.cardinality();
        long branches = group.size() + 1L;
        long prefix = (long) TOKENS_PER_PATCH * (ModelTensors.PATCHES - u);
        long tail = TOKENS_PER_PATCH * u;
        long total = 0;
        if (plan.oneFrame1Order()) {
            total += prefix + branches * tail;
            for (int q : queried) {
                total += branches * ((long) TOKENS_PER_PATCH * revealed + (long) codes * q);
            }
        } else {
            for (int q : queried) {
                total +=
                        prefix
                                + branches
                                        * (tail
                                                + (long) TOKENS_PER_PATCH * revealed
                                                + (long) codes * q);
            }
        }
        return total;
    }
}
