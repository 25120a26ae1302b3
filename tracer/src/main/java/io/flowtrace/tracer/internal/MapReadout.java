package io.flowtrace.tracer.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.RevealMask;
import io.flowtrace.tracer.ReadoutPosition;

/** Averages a point's maps over mask seeds and reads a position and a peak value from the mean. */
public final class MapReadout {

    private MapReadout() {}

    /** The mean over seeds of the maps of {@code point}, row-major G x G. */
    public static float[] meanOverSeeds(ProbeMaps maps, int point) {
        int g = maps.gridSize();
        float[] mean = new float[g * g];
        float[] raw = maps.rawValues();
        int cells = g * g;
        for (int s = 0; s < maps.seeds(); s++) {
            int from = (point * maps.seeds() + s) * cells;
            for (int i = 0; i < cells; i++) {
                mean[i] += raw[from + i];
            }
        }
        float inv = 1f / maps.seeds();
        for (int i = 0; i < cells; i++) {
            mean[i] *= inv;
        }
        return mean;
    }

    /**
     * The mean over seeds of the maps of {@code point}, where each cell averages only the seeds
     * whose mask hid that cell's patch: a revealed patch has no prediction, so its zero says
     * nothing about where the point went. Cells revealed by every seed are zero.
     */
    public static float[] hiddenMeanOverSeeds(
            ProbeMaps maps, int point, long[] seeds, double maskRatio) {
        int g = maps.gridSize();
        int perPatch = g / ModelTensors.GRID;
        float[] sum = new float[g * g];
        int[] count = new int[g * g];
        float[] raw = maps.rawValues();
        int cells = g * g;
        for (int s = 0; s < maps.seeds(); s++) {
            boolean[] revealed = RevealMask.revealed(seeds[s], maskRatio);
            int from = (point * maps.seeds() + s) * cells;
            for (int i = 0; i < cells; i++) {
                int patch = (i / g / perPatch) * ModelTensors.GRID + (i % g) / perPatch;
                if (!revealed[patch]) {
                    sum[i] += raw[from + i];
                    count[i]++;
                }
            }
        }
        for (int i = 0; i < cells; i++) {
            sum[i] = count[i] == 0 ? 0f : sum[i] / count[i];
        }
        return sum;
    }

    /** Index of the largest value; the first one on ties. */
    public static int argMax(float[] map) {
        int best = 0;
        for (int i = 1; i < map.length; i++) {
            if (map[i] > map[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the largest value among cells whose centre lies within {@code radius} crop px. */
    public static int argMaxWithin(float[] map, double cx, double cy, double radius) {
        int g = side(map);
        double cell = (double) ModelTensors.CROP_SIZE / g;
        int best = -1;
        double r2 = radius * radius;
        for (int i = 0; i < map.length; i++) {
            double dx = cellCentre(i % g, cell) - cx;
            double dy = cellCentre(i / g, cell) - cy;
            if (dx * dx + dy * dy <= r2 && (best < 0 || map[i] > map[best])) {
                best = i;
            }
        }
        return best < 0 ? argMax(map) : best;
    }

    private static int side(float[] map) {
        int g = (int) Math.round(Math.sqrt(map.length));
        if (g * g != map.length) {
            throw new IllegalArgumentException("map is not square: " + map.length + " values");
        }
        return g;
    }

    /**
     * The estimated position in crop pixels, {@code {x, y}}, for the peak of a square map.
     *
     * @param map row-major G x G values
     */
    public static double[] position(float[] map, ReadoutPosition how) {
        return position(map, how, argMax(map));
    }

    /** The estimated position in crop pixels, {@code {x, y}}, around peak cell {@code peak}. */
    public static double[] position(float[] map, ReadoutPosition how, int peak) {
        int g = side(map);
        double cell = (double) ModelTensors.CROP_SIZE / g;
        int row = peak / g;
        int col = peak % g;
        return switch (how) {
            case TOP_LEFT -> new double[] {col * cell, row * cell};
            case CENTER -> new double[] {cellCentre(col, cell), cellCentre(row, cell)};
            case CENTROID -> centroid(map, g, row, col, cell);
        };
    }

    private static double cellCentre(double index, double cell) {
        return index * cell + (cell - 1) / 2.0;
    }

    private static double[] centroid(float[] map, int g, int row, int col, double cell) {
        float floor = Float.MAX_VALUE;
        for (int r = row - 1; r <= row + 1; r++) {
            for (int c = col - 1; c <= col + 1; c++) {
                if (r >= 0 && r < g && c >= 0 && c < g) {
                    floor = Math.min(floor, map[r * g + c]);
                }
            }
        }
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int r = row - 1; r <= row + 1; r++) {
            for (int c = col - 1; c <= col + 1; c++) {
                if (r >= 0 && r < g && c >= 0 && c < g) {
                    double w = map[r * g + c] - floor;
                    sum += w;
                    sx += w * c;
                    sy += w * r;
                }
            }
        }
        if (!(sum > 0)) {
            return new double[] {cellCentre(col, cell), cellCentre(row, cell)};
        }
        return new double[] {cellCentre(sx / sum, cell), cellCentre(sy / sum, cell)};
    }
}
