package io.flowtrace.cli.picture;

import io.flowtrace.inference.ModelTensors;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.ScaleStep;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each scale of KL-tracing saw for one query: its seed-averaged map over the target-frame
 * window it probed, with the scale's estimate (a cross) and the ground truth (a ring).
 */
final class ScalePictures {

    private final BufferedImage target;
    private final QueryCase c;
    private final HeatScale heat;

    /**
     * @param target the whole target frame as drawn under the maps (see {@link Backdrop#grey})
     */
    ScalePictures(BufferedImage target, QueryCase c, HeatScale heat) {
        this.target = target;
        this.c = c;
        this.heat = heat;
    }

    int scales() {
        return c.estimate().steps().size();
    }

    /** Scale {@code index}'s map, its longer side {@code longSide} pixels, over its legend. */
    BufferedImage scale(int index, int longSide) {
        ScaleStep s = c.estimate().steps().get(index);
        KlMap map = KlMap.of(s);
        double aspect = map.window().aspect();
        int w = aspect >= 1 ? longSide : (int) Math.round(longSide * aspect);
        int h = aspect >= 1 ? (int) Math.round(longSide / aspect) : longSide;
        return Panels.column(
                List.of(
                        tile(s, w, h),
                        Legend.text(w, Legend.FONT, List.of(describe(s), readout(s))),
                        Legend.colourBar(w, heat.caption(), ColourMap.HEAT, heat.ticks(map.peak())),
                        Legend.key(w, key(List.of(s)))));
    }

    /** Every scale in one row, each {@code tileHeight} pixels high, under a line on the query. */
    BufferedImage overview(int tileHeight) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (ScaleStep s : c.estimate().steps()) {
            int w = (int) Math.round(tileHeight * FrameWindow.of(s).aspect());
            BufferedImage body =
                    Panels.column(
                            List.of(
                                    tile(s, w, tileHeight),
                                    Legend.text(w, Legend.FONT, List.of(caption(s)))));
            tiles.add(Panels.titled(title(s), body));
        }
        BufferedImage row = Panels.row(tiles);
        int width = row.getWidth();
        return Panels.column(
                List.of(
                        Legend.text(width, Legend.TITLE, List.of(c.summary())),
                        row,
                        Legend.colourBar(
                                width, heat.caption(), ColourMap.HEAT, heat.relativeTicks()),
                        Legend.key(width, key(c.estimate().steps()))));
    }

    private BufferedImage tile(ScaleStep s, int w, int h) {
        KlMap map = KlMap.of(s);
        BufferedImage tile = HeatmapTile.render(target, map, heat, w, h);
        Viewport view = Viewport.fit(map.window(), 0, 0, w, h);
        double size = Math.max(10, Math.min(w, h) / 24.0);
        Graphics2D g = Marks.smooth(tile);
        if (maxAwayFromEstimate(s)) {
            FrameWindow cell = map.cell(map.argMax());
            Marks.box(
                    g,
                    view.x(cell.x0()),
                    view.y(cell.y0()),
                    cell.width() * view.scaleX(),
                    cell.height() * view.scaleY());
        }
        c.truthPoint()
                .filter(map.window()::contains)
                .map(view::at)
                .ifPresent(t -> Marks.circle(g, t.getX(), t.getY(), size * 0.8, Marks.TRUTH));
        Point2D e = view.at(s.estimate());
        Marks.cross(g, e.getX(), e.getY(), size, Marks.ESTIMATE);
        g.dispose();
        return tile;
    }

    /**
     * True when the cell read out is not the map's maximum, as when a zoom looks for its peak only
     * near the previous scale's estimate.
     */
    private static boolean maxAwayFromEstimate(ScaleStep s) {
        return s.peak() < KlMap.of(s).peak();
    }

    private static String title(ScaleStep s) {
        return s.scale() == 0
                ? "scale 0 · whole frame"
                : String.format(Locale.ROOT, "zoom %d · %.0f px crop", s.scale(), s.width());
    }

    private String caption(ScaleStep s) {
        double error = c.error(s.estimate());
        String err =
                Double.isNaN(error) ? "" : String.format(Locale.ROOT, " · error %.2f px", error);
        return "KL " + klText(s) + err;
    }

    /** The KL at the estimate, and the map's maximum when that lies elsewhere. */
    private static String klText(ScaleStep s) {
        return maxAwayFromEstimate(s)
                ? number(s.peak()) + " (max " + number(KlMap.of(s).peak()) + ", boxed)"
                : number(s.peak());
    }

    private static String describe(ScaleStep s) {
        String where =
                s.scale() == 0
                        ? String.format(
                                Locale.ROOT,
                                "scale 0 · whole frame %.0fx%.0f squished to %d px",
                                s.width(),
                                s.height(),
                                ModelTensors.CROP_SIZE)
                        : String.format(
                                Locale.ROOT,
                                "zoom %d · %.0f px crop at (%.1f, %.1f)",
                                s.scale(),
                                s.width(),
                                s.x0(),
                                s.y0());
        return where
                + String.format(
                        Locale.ROOT,
                        " · %dx%d map, cell %sx%s px",
                        s.gridSize(),
                        s.gridSize(),
                        number(s.width() / s.gridSize()),
                        number(s.height() / s.gridSize()));
    }

    private String readout(ScaleStep s) {
        Point e = s.estimate();
        String found =
                String.format(
                        Locale.ROOT,
                        "KL at estimate %s · estimate (%.2f, %.2f)",
                        klText(s),
                        e.x(),
                        e.y());
        return found + " · " + truthNote(s);
    }

    private String truthNote(ScaleStep s) {
        if (c.truth().isEmpty()) {
            return "no ground truth";
        }
        String note = QueryCase.truthText(c.truth().get(), c.error(s.estimate()));
        return FrameWindow.of(s).contains(c.truthPoint().get()) ? note : note + ", outside crop";
    }

    private List<Legend.Entry> key(List<ScaleStep> shown) {
        List<Legend.Entry> key = new ArrayList<>();
        key.add(new Legend.Entry(Legend.Symbol.CROSS, Marks.ESTIMATE, "estimate"));
        if (c.truth().isPresent()) {
            key.add(new Legend.Entry(Legend.Symbol.RING, Marks.TRUTH, "ground truth"));
        }
        if (shown.stream().anyMatch(ScalePictures::maxAwayFromEstimate)) {
            key.add(
                    new Legend.Entry(
                            Legend.Symbol.BOX, Color.WHITE, "map max, not the cell read out"));
        }
        return key;
    }

    /** {@code v} to three significant digits. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
