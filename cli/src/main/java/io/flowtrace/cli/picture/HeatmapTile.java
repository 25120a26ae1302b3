package io.flowtrace.cli.picture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A divergence map drawn over the frame window it covers: the window of the (grey) frame fills the
 * tile, and each map cell is a block of {@link ColourMap#HEAT} colour, placed on the ramp relative
 * to the map's peak by a {@link HeatScale} and blended over the frame more strongly the hotter it
 * is, so cold cells still show the scene. Blocks (nearest-neighbour upsampling) keep the grid the
 * peak is read from visible.
 */
final class HeatmapTile {

    /** Opacity of the heat colour at 0 (cold) and at the peak. */
    static final double MIN_ALPHA = 0.35;

    static final double MAX_ALPHA = 0.9;

    private HeatmapTile() {}

    /** A {@code width x height} tile of {@code map} over its window of {@code frame}. */
    static BufferedImage render(
            BufferedImage frame, KlMap map, HeatScale scale, int width, int height) {
        BufferedImage tile = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Marks.smooth(tile);
        g.drawImage(frame, Viewport.fit(map.window(), 0, 0, width, height).imageTransform(), null);
        g.dispose();
        blendHeat(tile, map, scale);
        return tile;
    }

    private static void blendHeat(BufferedImage tile, KlMap map, HeatScale scale) {
        int width = tile.getWidth();
        int height = tile.getHeight();
        int grid = map.grid();
        double peak = map.peak();
        int[] pixels = ((DataBufferInt) tile.getRaster().getDataBuffer()).getData();
        for (int py = 0; py < height; py++) {
            int row = Math.min(grid - 1, (int) ((py + 0.5) * grid / height));
            for (int px = 0; px < width; px++) {
                int col = Math.min(grid - 1, (int) ((px + 0.5) * grid / width));
                double v = scale.position(map.values()[row * grid + col], peak);
                int i = py * width + px;
                pixels[i] = blend(pixels[i], ColourMap.HEAT.rgb(v), alpha(v));
            }
        }
    }

    private static double alpha(double v) {
        return MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * v;
    }

    private static int blend(int under, int over, double alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double mixed =
                    ((under >> shift) & 0xFF) * (1 - alpha) + ((over >> shift) & 0xFF) * alpha;
            out |= (int) Math.round(mixed) << shift;
        }
        return out;
    }
}
