package io.flowtrace.cli.picture;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The query frame with the query point beside the target frame with the estimate and the ground
 * truth, joined by the track: a line from the query to the estimate across the two panels (and a
 * dashed one to the ground truth). Under each frame, a magnified inset around its point, to judge
 * whether the estimate shows the same surface point.
 */
final class SideBySide {

    /** Side of the inset windows, in image pixels. */
    static final int INSET_WINDOW = 48;

    private SideBySide() {}

    /** Both frames scaled so that their longer side is {@code longSide} pixels. */
    static BufferedImage render(RgbImage from, RgbImage to, QueryCase c, int longSide) {
        BufferedImage frames = frames(from, to, c, longSide);
        int panel = (frames.getWidth() - 3 * Panels.GAP) / 2;
        int side = panel / 2;
        BufferedImage left =
                Panels.titled(
                        insetTitle("the query", side),
                        inset(from, c.queryPoint(), side, queryMark(c)));
        BufferedImage right =
                Panels.titled(
                        insetTitle("the estimate", side),
                        inset(to, c.estimate().position(), side, (g, v) -> drawTarget(g, c, v)));
        // a spacer puts each inset under its own frame
        BufferedImage spacer = Panels.canvas(panel - side - Panels.GAP, 1);
        BufferedImage insets = Panels.row(List.of(left, spacer, right));
        return Panels.column(List.of(frames, insets, Legend.key(frames.getWidth(), key(c))));
    }

    private static BufferedImage frames(RgbImage from, RgbImage to, QueryCase c, int longSide) {
        double scale = (double) longSide / Math.max(from.width(), from.height());
        int pw = (int) Math.round(from.width() * scale);
        int ph = (int) Math.round(from.height() * scale);
        BufferedImage leftTitle = title(pw, c, true);
        BufferedImage rightTitle = title(pw, c, false);
        int top = Panels.GAP + Math.max(leftTitle.getHeight(), rightTitle.getHeight());
        int right = 2 * Panels.GAP + pw;
        BufferedImage canvas = Panels.canvas(3 * Panels.GAP + 2 * pw, top + ph);
        Graphics2D g = Marks.smooth(canvas);
        g.drawImage(leftTitle, Panels.GAP, Panels.GAP, null);
        g.drawImage(rightTitle, right, Panels.GAP, null);
        Viewport left = Viewport.wholeFrame(from.width(), from.height(), scale, Panels.GAP, top);
        Viewport target = Viewport.wholeFrame(to.width(), to.height(), scale, right, top);
        g.drawImage(Backdrop.colour(from), left.imageTransform(), null);
        g.drawImage(Backdrop.colour(to), target.imageTransform(), null);
        Point2D query = left.at(c.queryPoint());
        Marks.line(g, query, target.at(c.estimate().position()), Marks.ESTIMATE, false);
        c.truthPoint().ifPresent(t -> Marks.line(g, query, target.at(t), Marks.TRUTH, true));
        drawTarget(g, c, target);
        queryMark(c).accept(g, left);
        g.dispose();
        return canvas;
    }

    /** {@code frame} around {@code centre}, magnified to {@code side x side}, with its marks. */
    private static BufferedImage inset(
            RgbImage frame, Point centre, int side, BiConsumer<Graphics2D, Viewport> marks) {
        FrameWindow window =
                new FrameWindow(
                        centre.x() - INSET_WINDOW / 2.0,
                        centre.y() - INSET_WINDOW / 2.0,
                        INSET_WINDOW,
                        INSET_WINDOW);
        Viewport view = Viewport.fit(window, 0, 0, side, side);
        BufferedImage out = Panels.canvas(side, side);
        Graphics2D g = Marks.smooth(out);
        g.drawImage(Backdrop.colour(frame), view.imageTransform(), null);
        marks.accept(g, view);
        g.dispose();
        return out;
    }

    private static BiConsumer<Graphics2D, Viewport> queryMark(QueryCase c) {
        return (g, v) -> {
            Point2D q = v.at(c.queryPoint());
            Marks.dot(g, q.getX(), q.getY(), 4.5, Marks.QUERY);
        };
    }

    private static void drawTarget(Graphics2D g, QueryCase c, Viewport v) {
        c.truthPoint()
                .map(v::at)
                .ifPresent(t -> Marks.circle(g, t.getX(), t.getY(), 8, Marks.TRUTH));
        Point2D e = v.at(c.estimate().position());
        Marks.cross(g, e.getX(), e.getY(), 10, Marks.ESTIMATE);
    }

    private static String insetTitle(String around, int side) {
        return String.format(Locale.ROOT, "around %s, x%.1f", around, (double) side / INSET_WINDOW);
    }

    private static BufferedImage title(int width, QueryCase c, boolean queryFrame) {
        List<String> lines = new ArrayList<>();
        if (queryFrame) {
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "frame %d · query %d at (%.1f, %.1f)",
                            c.query().t(),
                            c.query().id(),
                            c.query().x(),
                            c.query().y()));
        } else {
            Point e = c.estimate().position();
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "frame %d · estimate (%.2f, %.2f), %s",
                            c.targetT(),
                            e.x(),
                            e.y(),
                            c.estimate().visible() ? "visible" : "occluded"));
            c.truth().ifPresent(t -> lines.add(QueryCase.truthText(t, c.error(e))));
        }
        return Legend.text(width, Legend.TITLE, lines);
    }

    private static List<Legend.Entry> key(QueryCase c) {
        List<Legend.Entry> key = new ArrayList<>();
        key.add(new Legend.Entry(Legend.Symbol.DOT, Marks.QUERY, "query"));
        key.add(new Legend.Entry(Legend.Symbol.CROSS, Marks.ESTIMATE, "estimate"));
        key.add(new Legend.Entry(Legend.Symbol.LINE, Marks.ESTIMATE, "track"));
        if (c.truth().isPresent()) {
            key.add(new Legend.Entry(Legend.Symbol.RING, Marks.TRUTH, "ground truth"));
            key.add(new Legend.Entry(Legend.Symbol.DASHED_LINE, Marks.TRUTH, "true track"));
        }
        return key;
    }
}
