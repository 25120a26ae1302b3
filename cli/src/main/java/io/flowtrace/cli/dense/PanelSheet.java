package io.flowtrace.cli.dense;

import io.flowtrace.frames.RgbImages;
import io.flowtrace.inference.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays titled pictures out on a white sheet, left to right, then row by row. */
public final class PanelSheet {

    /** One picture and the line of text above it. */
    public record Panel(String title, RgbImage image) {}

    private static final int GAP = 12;
    private static final int TITLE_HEIGHT = 26;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private PanelSheet() {}

    /**
     * Every panel scaled to {@code panelWidth} (keeping its aspect), {@code columns} per row.
     *
     * @throws IllegalArgumentException when there are no panels or the layout is not positive
     */
    public static BufferedImage draw(List<Panel> panels, int columns, int panelWidth) {
        if (panels.isEmpty() || columns < 1 || panelWidth < 1) {
            throw new IllegalArgumentException(
                    "need panels, columns >= 1 and a positive width; got "
                            + panels.size()
                            + " panels, "
                            + columns
                            + " columns, width "
                            + panelWidth);
        }
        RgbImage first = panels.get(0).image();
        int panelHeight = (int) Math.round((double) panelWidth * first.height() / first.width());
        int rows = (panels.size() + columns - 1) / columns;
        int width = GAP + columns * (panelWidth + GAP);
        int height = GAP + rows * (TITLE_HEIGHT + panelHeight + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(FONT);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < panels.size(); i++) {
                int x = GAP + (i % columns) * (panelWidth + GAP);
                int y = GAP + (i / columns) * (TITLE_HEIGHT + panelHeight + GAP);
                g.setColor(Color.BLACK);
                g.drawString(panels.get(i).title(), x, y + metrics.getAscent() + 2);
                g.drawImage(
                        RgbImages.toBufferedImage(panels.get(i).image()),
                        x,
                        y + TITLE_HEIGHT,
                        panelWidth,
                        panelHeight,
                        null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
