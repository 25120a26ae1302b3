package io.flowtrace.model;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;

/** Textured 256x256 crops for model tests. */
final class Crops {

    private Crops() {}

    /** Frame 0 of a generated scene: rich, locally distinctive texture. */
    static RgbImage textured(long seed) {
        return SyntheticClip.generate(SceneSpec.translation(seed).toBuilder().queries(4).build())
                .frames()
                .get(0);
    }

    /** {@code image} moved by (dx, dy) whole pixels, the uncovered border replicated. */
    static RgbImage shifted(RgbImage image, int dx, int dy) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int sy = Math.max(0, Math.min(h - 1, y - dy));
            for (int x = 0; x < w; x++) {
                int sx = Math.max(0, Math.min(w - 1, x - dx));
                System.arraycopy(image.rgb(), (sy * w + sx) * 3, out, (y * w + x) * 3, 3);
            }
        }
        return new RgbImage(w, h, out);
    }
}
