package io.flowtrace.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Picks distinct query pixels on frame 0, only where one surface covers the whole pixel: about a
 * tenth among points that a nearer surface covers in another frame (so that occlusion is always
 * exercised where the scene has any), the rest taken in turn from the background and each layer.
 */
final class QuerySampler {

    private static final double OCCLUDED_SHARE = 0.1;

    /** A query pixel (x, y) on frame 0 and the surface it lies on. */
    record Pick(int x, int y, int surface) {}

    private final int width;
    private final int[] surfaces;
    private final boolean[] taken;
    private final List<Pick> picks = new ArrayList<>();

    private QuerySampler(int width, int[] surfaces) {
        this.width = width;
        this.surfaces = surfaces;
        this.taken = new boolean[surfaces.length];
    }

    /**
     * {@code count} picks in random order.
     *
     * @param surfaces frame 0's surface per pixel, {@link SceneRenderer#MIXED} on outlines
     */
    static List<Pick> pick(
            int count,
            int width,
            int[] surfaces,
            GroundTruth truth,
            int surfaceCount,
            Random random) {
        List<List<Integer>> bySurface = new ArrayList<>();
        for (int s = 0; s < surfaceCount; s++) {
            bySurface.add(new ArrayList<>());
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < surfaces.length; i++) {
            if (surfaces[i] != SceneRenderer.MIXED) {
                bySurface.get(surfaces[i]).add(i);
                all.add(i);
            }
        }
        Collections.shuffle(all, random);
        bySurface.forEach(list -> Collections.shuffle(list, random));
        QuerySampler sampler = new QuerySampler(width, surfaces);
        sampler.takeOccluded(all, truth, (int) Math.round(OCCLUDED_SHARE * count));
        sampler.takeInTurn(bySurface, count);
        Collections.shuffle(sampler.picks, random);
        return List.copyOf(sampler.picks);
    }

    private void takeOccluded(List<Integer> candidates, GroundTruth truth, int quota) {
        for (int i = 0; i < candidates.size() && picks.size() < quota; i++) {
            int pixel = candidates.get(i);
            if (truth.occludedSomewhere(surfaces[pixel], 0, pixel % width, pixel / width)) {
                take(pixel);
            }
        }
    }

    private void takeInTurn(List<List<Integer>> bySurface, int count) {
        int[] next = new int[bySurface.size()];
        for (int turn = 0; picks.size() < count; turn++) {
            int pixel = nextFree(bySurface, next, turn % bySurface.size());
            if (pixel < 0) {
                throw new IllegalStateException(
                        "only " + picks.size() + " of " + count + " query pixels found");
            }
            take(pixel);
        }
    }

    /** The next untaken pixel of surface {@code preferred}, else of any surface; -1 if none. */
    private int nextFree(List<List<Integer>> bySurface, int[] next, int preferred) {
        for (int k = 0; k < bySurface.size(); k++) {
            int s = (preferred + k) % bySurface.size();
            List<Integer> pixels = bySurface.get(s);
            while (next[s] < pixels.size() && taken[pixels.get(next[s])]) {
                next[s]++;
            }
            if (next[s] < pixels.size()) {
                return pixels.get(next[s]);
            }
        }
        return -1;
    }

    private void take(int pixel) {
        taken[pixel] = true;
        picks.add(new Pick(pixel % width, pixel / width, surfaces[pixel]));
    }
}
