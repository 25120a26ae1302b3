package io.flowtrace.model.internal;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.model.ReferenceModelConfig;

/**
 * Turns a hidden patch's displacement distribution into its predicted codes: bit by bit, the
 * mixture of the soft codes of the frame-1 cells it would come from (and, for the RGB readout, the
 * mixture of their pixels).
 */
final class CellCodes {

    private static final int PATCH = ModelTensors.PATCH_SIZE;
    private static final int GRID = ModelTensors.GRID;

    private final ReferenceModelConfig cfg;
    private final int radius;
    private final int span;
    private final int cells;
    private final boolean withRgb;

    CellCodes(ReferenceModelConfig cfg, int cells, boolean withRgb) {
        this.cfg = cfg;
        this.radius = cfg.searchRadius();
        this.span = 2 * radius + 1;
        this.cells = cells;
        this.withRgb = withRgb;
    }

    PatchPrediction predict(int p, Frame1View view, Displacements displacements) {
        int xp = (p % GRID) * PATCH;
        int yp = (p / GRID) * PATCH;
        float[] acc = displacements.weights();
        int[] order = displacements.order();
        int used = displacements.used();
        float max = 0;
        double total = 0;
        for (int i = 0; i < used; i++) {
            max = Math.max(max, acc[order[i]]);
        }
        float floor = (float) (max * cfg.supportCutoff());
        for (int i = 0; i < used; i++) {
            if (acc[order[i]] >= floor) {
                total += acc[order[i]];
            }
        }
        if (used == 0 || !(total > 0)) {
            // no revealed evidence reaches this patch: predict it stays where it is
            order[0] = radius * span + radius;
            acc[order[0]] = 1f;
            used = 1;
            total = 1;
            floor = 0;
        }
        float[] bits = new float[cells * LocalQuantizer.BITS];
        float[] rgb = withRgb ? new float[cells * 48] : null;
        for (int i = 0; i < used; i++) {
            int d = order[i];
            if (acc[d] < floor) {
                continue;
            }
            float w = (float) (acc[d] / total);
            int sx = xp - (d % span - radius);
            int sy = yp - (d / span - radius);
            for (int cell = 0; cell < cells; cell++) {
                int cx = sx + (cell % 2) * LocalQuantizer.CELL;
                int cy = sy + (cell / 2) * LocalQuantizer.CELL;
                view.addBits(cx, cy, w, bits, cell * LocalQuantizer.BITS);
                if (rgb != null) {
                    addPixels(view.rgb(), cx, cy, w, rgb, cell * 48);
                }
            }
        }
        float eps = (float) cfg.epsilon();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Math.min(1 - eps, Math.max(eps, bits[i]));
        }
        return new PatchPrediction(bits, rgb);
    }

    private static void addPixels(byte[] f1, int x, int y, float w, float[] acc, int off) {
        for (int v = 0; v < LocalQuantizer.CELL; v++) {
            int base = ((y + v) * CleanFrame.SIZE + x) * 3;
            for (int i = 0; i < LocalQuantizer.CELL * 3; i++) {
                acc[off + v * LocalQuantizer.CELL * 3 + i] += w * (f1[base + i] & 0xFF);
            }
        }
    }
}
