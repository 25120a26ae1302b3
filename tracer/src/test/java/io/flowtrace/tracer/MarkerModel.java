package io.flowtrace.tracer;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.inference.ProbeMaps;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbePair;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.inference.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake probe model that "sees" only a red marker: every map cell holds the redness of the frame-2
 * crop inside it, for every point and seed, inside the pair's query window. It records each request
 * it answers and reports the tokens of {@link io.flowtrace.inference.ProbeCost}.
 */
final class MarkerModel implements ProbeModel {

    final List<ProbeRequest> requests = new ArrayList<>();
    private final float scale;

    MarkerModel(float scale) {
        this.scale = scale;
    }

    /** A textureless grey frame with a red square of side 3 centred on (x, y). */
    static RgbImage frameWithMarker(int w, int h, int x, int y) {
        byte[] px = new byte[w * h * 3];
        java.util.Arrays.fill(px, (byte) 90);
        for (int v = y - 1; v <= y + 1; v++) {
            for (int u = x - 1; u <= x + 1; u++) {
                int i = (v * w + u) * 3;
                px[i] = (byte) 255;
                px[i + 1] = 0;
                px[i + 2] = 0;
            }
        }
        return new RgbImage(w, h, px);
    }

    @Override
    public String modelId() {
        return "marker:1";
    }

    @Override
    public boolean supportsFineMaps() {
        return true;
    }

    @Override
    public synchronized ProbeResult probe(ProbeRequest request) {
        requests.add(request);
        int g = request.params().mapSize();
        List<ProbeMaps> out = new ArrayList<>();
        for (ProbePair pair : request.pairs()) {
            float[] map = redness(pair.frame2(), g);
            int perPatch = g / ModelTensors.GRID;
            for (int cell = 0; cell < g * g; cell++) { // the contract: unqueried patches read 0
                int patch = (cell / g / perPatch) * ModelTensors.GRID + (cell % g) / perPatch;
                if (!pair.window().meets(patch)) {
                    map[cell] = 0;
                }
            }
            int points = pair.pointCount();
            int seeds = pair.seeds().length;
            float[] values = new float[points * seeds * g * g];
            for (int k = 0; k < points * seeds; k++) {
                System.arraycopy(map, 0, values, k * g * g, g * g);
            }
            out.add(
                    new ProbeMaps(
                            points,
                            seeds,
                            g,
                            values,
                            io.flowtrace.inference.ProbeCost.tokens(pair, request.params())));
        }
        return new ProbeResult(out);
    }

    private float[] redness(RgbImage crop, int g) {
        int cell = ModelTensors.CROP_SIZE / g;
        float[] map = new float[g * g];
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < crop.width(); x++) {
                float red = Math.max(0, crop.get(x, y, 0) - crop.get(x, y, 1)) / 255f;
                map[(y / cell) * g + x / cell] += red * scale;
            }
        }
        return map;
    }
}
