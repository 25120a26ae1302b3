package io.flowtrace.cli.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** The pictures' symbols, each drawn over a dark outline so that it reads on any background. */
final class Marks {

    /** Estimates and predicted tracks. */
    static final Color ESTIMATE = new Color(0x00E5FF);

    /** Ground truth. */
    static final Color TRUTH = new Color(0x3CF03C);

    /** Query points. */
    static final Color QUERY = Color.WHITE;

    private static final Color OUTLINE = new Color(0, 0, 0, 210);
    private static final float[] DASH = {6f, 4f};

    private Marks() {}

    /** Graphics for {@code image} with antialiased shapes and text. */
    static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /**
     * A "+" of half-length {@code arm} centred on (x, y), open in the middle (the inner third) so
     * that what it marks stays visible.
     */
    static void cross(Graphics2D g, double x, double y, double arm, Color colour) {
        double gap = arm / 3;
        Path2D.Double plus = new Path2D.Double();
        plus.moveTo(x - arm, y);
        plus.lineTo(x - gap, y);
        plus.moveTo(x + gap, y);
        plus.lineTo(x + arm, y);
        plus.moveTo(x, y - arm);
        plus.lineTo(x, y - gap);
        plus.moveTo(x, y + gap);
        plus.lineTo(x, y + arm);
        outlined(g, plus, colour, 2.5f, false);
    }

    /** A ring of radius {@code r} centred on (x, y). */
    static void circle(Graphics2D g, double x, double y, double r, Color colour) {
        outlined(g, new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r), colour, 2f, false);
    }

    /** The outline of a rectangle, thin and white, for a map cell. */
    static void box(Graphics2D g, double x, double y, double w, double h) {
        Rectangle2D rect = new Rectangle2D.Double(x, y, w, h);
        g.setColor(OUTLINE);
        g.setStroke(stroke(3f, false));
        g.draw(rect);
        g.setColor(Color.WHITE);
        g.setStroke(stroke(1.3f, false));
        g.draw(rect);
    }

    /** A ring of radius {@code r} centred on (x, y), with a thin line and a light outline. */
    static void thinCircle(Graphics2D g, double x, double y, double r, Color colour) {
        Ellipse2D ring = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(new Color(0, 0, 0, 140));
        g.setStroke(stroke(2.5f, false));
        g.draw(ring);
        g.setColor(colour);
        g.setStroke(stroke(1.3f, false));
        g.draw(ring);
    }

    /** A filled disc of radius {@code r} centred on (x, y), with a dark rim. */
    static void dot(Graphics2D g, double x, double y, double r, Color colour) {
        Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(colour);
        g.fill(disc);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(disc);
    }

    /** A straight line, solid or dashed. */
    static void line(Graphics2D g, Point2D from, Point2D to, Color colour, boolean dashed) {
        outlined(g, new Line2D.Double(from, to), colour, 2f, dashed);
    }

    /** A line through {@code points} in order, solid or dashed; nothing for fewer than 2 points. */
    static void polyline(Graphics2D g, List<Point2D> points, Color colour, boolean dashed) {
        if (points.size() < 2) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (Point2D p : points.subList(1, points.size())) {
            path.lineTo(p.getX(), p.getY());
        }
        outlined(g, path, colour, 2f, dashed);
    }

    /** A filled arrow head at {@code tip}, pointing away from {@code from}. */
    static void arrowHead(Graphics2D g, Point2D from, Point2D tip, double size, Color colour) {
        double angle = Math.atan2(tip.getY() - from.getY(), tip.getX() - from.getX());
        if (from.distance(tip) < 1e-9) {
            return;
        }
        Path2D.Double head = new Path2D.Double();
        head.moveTo(tip.getX(), tip.getY());
        head.lineTo(
                tip.getX() - size * Math.cos(angle - 0.45),
                tip.getY() - size * Math.sin(angle - 0.45));
        head.lineTo(
                tip.getX() - size * Math.cos(angle + 0.45),
                tip.getY() - size * Math.sin(angle + 0.45));
        head.closePath();
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(head);
        g.setColor(colour);
        g.fill(head);
    }

    private static void outlined(
            Graphics2D g, Shape shape, Color colour, float width, boolean dashed) {
        g.setColor(OUTLINE);
        g.setStroke(stroke(width + 2f, dashed));
        g.draw(shape);
        g.setColor(colour);
        g.setStroke(stroke(width, dashed));
        g.draw(shape);
    }

    private static Stroke stroke(float width, boolean dashed) {
        return dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
