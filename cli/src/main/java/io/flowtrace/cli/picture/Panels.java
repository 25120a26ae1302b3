package io.flowtrace.cli.picture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays pictures out: in rows, in columns and under titles, on the legend's background. */
final class Panels {

    /** Space between panels in a row. */
    static final int GAP = 12;

    private Panels() {}

    /** A {@code width x height} picture filled with the background colour. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Legend.BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return out;
    }

    /** {@code parts} stacked top to bottom, left-aligned. */
    static BufferedImage column(List<BufferedImage> parts) {
        int width = parts.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = canvas(width, Math.max(1, height));
        Graphics2D g = out.createGraphics();
        int y = 0;
        for (BufferedImage part : parts) {
            g.drawImage(part, 0, y, null);
            y += part.getHeight();
        }
        g.dispose();
        return out;
    }

    /** {@code parts} side by side, top-aligned, {@link #GAP} apart and around. */
    static BufferedImage row(List<BufferedImage> parts) {
        int width = parts.stream().mapToInt(p -> p.getWidth() + GAP).sum() + GAP;
        int height = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + 2 * GAP;
        BufferedImage out = canvas(width, height);
        Graphics2D g = out.createGraphics();
        int x = GAP;
        for (BufferedImage part : parts) {
            g.drawImage(part, x, GAP, null);
            x += part.getWidth() + GAP;
        }
        g.dispose();
        return out;
    }

    /** {@code body} under a bold one-line {@code title}. */
    static BufferedImage titled(String title, BufferedImage body) {
        return column(List.of(Legend.text(body.getWidth(), Legend.TITLE, List.of(title)), body));
    }
}
