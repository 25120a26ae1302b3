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
        int radius = supportRadius(sigma, amplitude);
        int x0 = Math.max(0, (int) Math.floor(x - radius));
        int x1 = Math.min(image.width() - 1, (int) Math.ceil(x + radius));
        int y0 = Math.max(0, (int) Math.floor(y - radius));
        int y1 = Math.min(image.height() - 1, (int) Math.ceil(y + radius));
        for (int v = y0; v <= y1; v++) {
            for (int u = x0; u <= x1; u++) {
                double add = addedValue(u - x, v - y, sigma, amplitude);
                if (add < 0.5) {
                    continue;
                }
                int base = (v * image.width() + u) * 3;
                for (int c = 0; c < 3; c++) {
                    long value = Math.round((out[base + c] & 0xFF) + add);
                    out[base + c] = (byte) Math.min(255, value);
                }
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }
}
