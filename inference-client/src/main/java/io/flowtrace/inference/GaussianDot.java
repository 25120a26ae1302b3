package io.flowtrace.inference;

/**
 * The counterfactual perturbation: a white isotropic Gaussian dot added to every RGB channel.
 *
 * <p>Part of the model contract. The value added at pixel (u, v) is {@code amplitude * exp(-((u -
 * x)^2 + (v - y)^2) / (2 sigma^2))}, the sum is rounded half up and clipped to [0, 255]. The centre
 * (x, y) may be sub-pixel; integer coordinates are pixel centres.
 */
public final class GaussianDot {

    private GaussianDot() {}

    /** The value added at integer offset (du, dv) from the dot's centre, before rounding. */
    public static double addedValue(double du, double dv, double sigma, double amplitude) {
        return amplitude * Math.exp(-(du * du + dv * dv) / (2 * sigma * sigma));
    }

    /** Radius in pixels outside which the dot changes no pixel. */
    public static int supportRadius(double sigma, double amplitude) {
        if (amplitude < 0.5) {
            return 0;
        }
        // amplitude * exp(-r^2 / 2s^2) < 0.5  <=>  r > s * sqrt(2 ln(2 amplitude))
        double r = sigma * Math.sqrt(2 * Math.log(2 * amplitude));
        return (int) Math.ceil(Math.max(r, 0)) + 1;
    }

    /** A copy of {@code image} with the dot added at (x, y). */
    public static RgbImage apply(
            RgbImage image, double x, double y, double sigma, double amplitude) {
        byte[] out = image.rgb().clone();
        visit(
                image,
                x,
                y,
                sigma,
                amplitude,
                (u, v, base, add) -> {
                    for (int c = 0; c < 3; c++) {
                        out[base + c] = dotted(out[base + c], add);
                    }
                });
        return new RgbImage(image.width(), image.height(), out);
    }

    /** Receives a pixel the dot changes: its column, row and channel-0 offset in the RGB bytes. */
    @FunctionalInterface
    public interface PixelVisitor {
        void changed(int u, int v);
    }

    /**
     * Tells {@code visitor} every pixel whose value the dot at (x, y) changes, without copying the
     * image (a pixel already at 255 in every channel the dot reaches is not changed).
     */
    public static void forEachChangedPixel(
            RgbImage image,
            double x,
            double y,
            double sigma,
            double amplitude,
            PixelVisitor visitor) {
        byte[] rgb = image.rgb();
        visit(
                image,
                x,
                y,
                sigma,
                amplitude,
                (u, v, base, add) -> {
                    for (int c = 0; c < 3; c++) {
                        if (dotted(rgb[base + c], add) != rgb[base + c]) {
                            visitor.changed(u, v);
                            return;
                        }
                    }
                });
    }

    private interface Reached {
        void pixel(int u, int v, int base, double add);
    }

    /** Every pixel the dot adds at least 0.5 to, with what it adds. */
    private static void visit(
            RgbImage image, double x, double y, double sigma, double amplitude, Reached reached) {
        int radius = supportRadius(sigma, amplitude);
        int x0 = Math.max(0, (int) Math.floor(x - radius));
        int x1 = Math.min(image.width() - 1, (int) Math.ceil(x + radius));
        int y0 = Math.max(0, (int) Math.floor(y - radius));
        int y1 = Math.min(image.height() - 1, (int) Math.ceil(y + radius));
        for (int v = y0; v <= y1; v++) {
            for (int u = x0; u <= x1; u++) {
                double add = addedValue(u - x, v - y, sigma, amplitude);
                if (add >= 0.5) {
                    reached.pixel(u, v, (v * image.width() + u) * 3, add);
                }
            }
        }
    }

    /** A channel value with the dot added: rounded half up, clipped at 255. */
    private static byte dotted(byte value, double add) {
        return (byte) Math.min(255, Math.round((value & 0xFF) + add));
    }
}
