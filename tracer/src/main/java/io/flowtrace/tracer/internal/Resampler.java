package io.flowtrace.tracer.internal;

import io.flowtrace.inference.RgbImage;

/**
 * Cuts a {@link CropWindow} out of an image and resizes it to the crop size.
 *
 * <p>Bilinear sampling at each crop pixel's centre; when the window is larger than the crop, each
 * crop pixel averages an n x n grid of bilinear samples spread over its footprint (n = ceil of the
 * scale), which removes the aliasing a plain bilinear downscale would add.
 */
public final class Resampler {

    private Resampler() {}

    public static RgbImage crop(RgbImage image, CropWindow window) {
        int size = window.size();
        int nx = Math.max(1, (int) Math.ceil(window.scaleX() - 1e-9));
        int ny = Math.max(1, (int) Math.ceil(window.scaleY() - 1e-9));
        double[] xs = samplePositions(window.left(), window.scaleX(), size, nx);
        double[] ys = samplePositions(window.top(), window.scaleY(), size, ny);
        byte[] out = new byte[size * size * 3];
        float[] acc = new float[3];
        double norm = 1.0 / (nx * ny);
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                acc[0] = 0;
                acc[1] = 0;
                acc[2] = 0;
                for (int j = 0; j < ny; j++) {
                    double y = ys[v * ny + j];
                    for (int i = 0; i < nx; i++) {
                        bilinearAdd(image, xs[u * nx + i], y, acc);
                    }
                }
                int o = (v * size + u) * 3;
                for (int c = 0; c < 3; c++) {
                    out[o + c] = (byte) Math.min(255, Math.max(0, Math.round(acc[c] * norm)));
                }
            }
        }
        return new RgbImage(size, size, out);
    }

    /** Image coordinates of the n samples inside each of {@code size} crop pixels. */
    private static double[] samplePositions(double edge, double scale, int size, int n) {
        double[] pos = new double[size * n];
        for (int p = 0; p < size; p++) {
            for (int k = 0; k < n; k++) {
                // crop pixel p spans [edge + p*scale, edge + (p+1)*scale] in image edge units
                pos[p * n + k] = edge + (p + (k + 0.5) / n) * scale;
            }
        }
        return pos;
    }

    private static void bilinearAdd(RgbImage img, double x, double y, float[] acc) {
        double cx = Math.max(0, Math.min(img.width() - 1, x));
        double cy = Math.max(0, Math.min(img.height() - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, img.width() - 1);
        int y1 = Math.min(y0 + 1, img.height() - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        byte[] p = img.rgb();
        int w = img.width();
        int i00 = (y0 * w + x0) * 3;
        int i10 = (y0 * w + x1) * 3;
        int i01 = (y1 * w + x0) * 3;
        int i11 = (y1 * w + x1) * 3;
        for (int c = 0; c < 3; c++) {
            double top = (p[i00 + c] & 0xFF) * (1 - fx) + (p[i10 + c] & 0xFF) * fx;
            double bot = (p[i01 + c] & 0xFF) * (1 - fx) + (p[i11 + c] & 0xFF) * fx;
            acc[c] += (float) (top * (1 - fy) + bot * fy);
        }
    }
}
