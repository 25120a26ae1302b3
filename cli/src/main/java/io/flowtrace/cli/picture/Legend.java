package io.flowtrace.cli.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Strips of text, symbol keys and colour bars that go under or over a picture. */
final class Legend {

    static final Color BACKGROUND = new Color(0x1A1A1A);
    static final Color TEXT = new Color(0xEAEAEA);
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private static final int PAD = 6;
    private static final int LINE = 18;
    private static final int BAR_HEIGHT = 12;

    /** How a key entry is drawn. */
    enum Symbol {
        CROSS,
        RING,
        BOX,
        DOT,
        LINE,
        DASHED_LINE
    }

    /** One symbol and what it stands for. */
    record Entry(Symbol symbol, Color colour, String label) {}

    /** A label under a colour bar, at {@code position} in [0, 1] along it. */
    record Tick(double position, String label) {}

    private Legend() {}

    /** {@code lines} in {@code font}, each wrapped at spaces to fit {@code width}. */
    static BufferedImage text(int width, Font font, List<String> lines) {
        FontMetrics metrics = metrics(font);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrapped.addAll(wrap(line, metrics, width - 2 * PAD));
        }
        BufferedImage strip = Panels.canvas(width, wrapped.size() * LINE + PAD);
        Graphics2D g = Marks.smooth(strip);
        g.setFont(font);
        g.setColor(TEXT);
        for (int i = 0; i < wrapped.size(); i++) {
            g.drawString(wrapped.get(i), PAD, PAD + i * LINE + metrics.getAscent());
        }
        g.dispose();
        return strip;
    }

    /** The entries side by side, each a symbol followed by its label. */
    static BufferedImage key(int width, List<Entry> entries) {
        BufferedImage strip = Panels.canvas(width, LINE + PAD);
        Graphics2D g = Marks.smooth(strip);
        g.setFont(FONT);
        FontMetrics metrics = g.getFontMetrics();
        double x = PAD;
        double mid = PAD / 2.0 + LINE / 2.0;
        for (Entry e : entries) {
            drawSymbol(g, e, x, mid);
            g.setColor(TEXT);
            g.drawString(
                    e.label(), (float) (x + 26), (float) (mid + metrics.getAscent() / 2.0 - 1));
            x += 26 + metrics.stringWidth(e.label()) + 18;
        }
        g.dispose();
        return strip;
    }

    private static void drawSymbol(Graphics2D g, Entry e, double x, double mid) {
        switch (e.symbol()) {
            case CROSS -> Marks.cross(g, x + 10, mid, 6, e.colour());
            case RING -> Marks.circle(g, x + 10, mid, 6, e.colour());
            case BOX -> Marks.box(g, x + 4, mid - 6, 12, 12);
            case DOT -> Marks.dot(g, x + 10, mid, 4, e.colour());
            case LINE, DASHED_LINE ->
                    Marks.line(
                            g,
                            new Point2D.Double(x, mid),
                            new Point2D.Double(x + 20, mid),
                            e.colour(),
                            e.symbol() == Symbol.DASHED_LINE);
        }
    }

    /** {@code caption}, then a bar of {@code map} with {@code ticks} under it. */
    static BufferedImage colourBar(int width, String caption, ColourMap map, List<Tick> ticks) {
        BufferedImage strip = Panels.canvas(width, PAD + BAR_HEIGHT + LINE + PAD / 2);
        Graphics2D g = Marks.smooth(strip);
        g.setFont(FONT);
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(TEXT);
        g.drawString(caption, PAD, PAD + metrics.getAscent() - 2);
        int left = PAD + metrics.stringWidth(caption) + 14;
        int barWidth = Math.max(40, Math.min(260, width - left - 24));
        for (int i = 0; i < barWidth; i++) {
            g.setColor(map.colour((double) i / (barWidth - 1)));
            g.fillRect(left + i, PAD, 1, BAR_HEIGHT);
        }
        g.setColor(TEXT);
        for (Tick t : ticks) {
            int at = left + (int) Math.round(t.position() * (barWidth - 1));
            g.fillRect(at, PAD + BAR_HEIGHT, 1, 3);
            int textX = at - metrics.stringWidth(t.label()) / 2;
            g.drawString(t.label(), Math.max(0, textX), PAD + BAR_HEIGHT + 3 + metrics.getAscent());
        }
        g.dispose();
        return strip;
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static List<String> wrap(String line, FontMetrics metrics, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && metrics.stringWidth(candidate) > width) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        out.add(current.toString());
        return out;
    }
}
