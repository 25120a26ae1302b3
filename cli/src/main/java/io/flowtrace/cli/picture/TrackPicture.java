package io.flowtrace.cli.picture;

import io.flowtrace.inference.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A frame with a task's tracks drawn over it (dimmed and grey, so the colours stand out). */
final class TrackPicture {

    /** Frames are scaled so that their longer side lies in this range. */
    static final int MIN_LONG_SIDE = 960;

    static final int MAX_LONG_SIDE = 1280;

    private static final double BRIGHTNESS = 0.75;

    private final TaskTracks shown;
    private final TrackOverlay overlay;
    private final double scale;
    private final BufferedImage legend;

    /**
     * @param shown the tracks to draw
     * @param all every track of the task, for the legend's error figure
     */
    TrackPicture(TaskTracks shown, TaskTracks all, int frameWidth, int frameHeight) {
        this.shown = shown;
        this.overlay = new TrackOverlay(shown);
        this.scale = displayScale(frameWidth, frameHeight);
        this.legend = legend(all, (int) Math.round(frameWidth * scale));
    }

    /** How much a {@code width x height} frame is magnified (or shrunk) for display. */
    static double displayScale(int width, int height) {
        int longSide = Math.max(width, height);
        return Math.max(MIN_LONG_SIDE, Math.min(MAX_LONG_SIDE, longSide)) / (double) longSide;
    }

    /**
     * {@code frame} under every track up to frame {@code upTo}, with {@code title} above and the
     * legend below.
     */
    BufferedImage render(RgbImage frame, String title, int upTo, boolean arrows) {
        Viewport view = Viewport.wholeFrame(frame.width(), frame.height(), scale, 0, 0);
        BufferedImage canvas =
                new BufferedImage(
                        (int) Math.round(frame.width() * scale),
                        (int) Math.round(frame.height() * scale),
                        BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Marks.smooth(canvas);
        g.drawImage(Backdrop.grey(frame, BRIGHTNESS), view.imageTransform(), null);
        overlay.draw(g, view, upTo, arrows);
        g.dispose();
        int width = canvas.getWidth();
        return Panels.column(
                List.of(Legend.text(width, Legend.TITLE, List.of(title)), canvas, legend));
    }

    private BufferedImage legend(TaskTracks all, int width) {
        List<BufferedImage> parts = new ArrayList<>();
        parts.add(Legend.text(width, Legend.FONT, List.of(countLine(all))));
        if (shown.hasTruth()) {
            parts.add(
                    Legend.colourBar(
                            width,
                            "prediction: mean error, px",
                            ColourMap.ERROR,
                            TrackOverlay.errorTicks()));
        }
        parts.add(Legend.key(width, key()));
        return Panels.column(parts);
    }

    private String countLine(TaskTracks all) {
        String count =
                String.format(
                        Locale.ROOT,
                        "%d of %d tracks shown",
                        shown.tracks().size(),
                        all.tracks().size());
        if (!all.hasTruth()) {
            return count + " · no ground truth: one colour per track";
        }
        return count
                + String.format(
                        Locale.ROOT,
                        " · mean error %.2f px over the visible ground truth of all %d",
                        all.meanError(),
                        all.tracks().size());
    }

    private List<Legend.Entry> key() {
        Color prediction = shown.hasTruth() ? ColourMap.ERROR.colour(0) : Marks.ESTIMATE;
        List<Legend.Entry> key = new ArrayList<>();
        key.add(new Legend.Entry(Legend.Symbol.DOT, Marks.QUERY, "query"));
        key.add(new Legend.Entry(Legend.Symbol.LINE, prediction, "prediction"));
        key.add(new Legend.Entry(Legend.Symbol.RING, prediction, "predicted occluded"));
        if (shown.hasTruth()) {
            key.add(new Legend.Entry(Legend.Symbol.DASHED_LINE, Marks.TRUTH, "ground truth"));
            key.add(new Legend.Entry(Legend.Symbol.LINE, TrackOverlay.NO_ERROR, "no visible GT"));
        }
        return key;
    }
}
