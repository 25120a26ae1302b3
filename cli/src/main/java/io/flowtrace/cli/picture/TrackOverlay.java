package io.flowtrace.cli.picture;

import io.flowtrace.task.TrackPoint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws tracks over a frame: predictions solid and coloured by their mean error ({@link
 * ColourMap#ERROR} on a log scale), or by track when there is no ground truth; ground truth dashed
 * green, ending in a small green ring. Points predicted occluded are hollow rings; each query is a
 * small white dot.
 */
final class TrackOverlay {

    /** Errors at or below this many pixels get the ramp's first colour. */
    static final double ERROR_LOW = 0.5;

    /** Errors at or above this many pixels get the ramp's last colour. */
    static final double ERROR_HIGH = 16;

    /** Tracks whose ground truth is never visible, so they have no error. */
    static final Color NO_ERROR = new Color(0xB0B0B0);

    private final TaskTracks tracks;

    TrackOverlay(TaskTracks tracks) {
        this.tracks = tracks;
    }

    /**
     * Draws every track up to frame {@code upTo}; with {@code arrows} a prediction ends in an arrow
     * head, otherwise in a dot (hollow when occluded) at its latest point.
     */
    void draw(Graphics2D g, Viewport view, int upTo, boolean arrows) {
        List<Track> all = tracks.tracks();
        List<List<Point2D>> truths =
                all.stream().map(t -> points(view, t.truthPath(upTo))).toList();
        truths.forEach(truth -> Marks.polyline(g, truth, Marks.TRUTH, true));
        for (int i = 0; i < all.size(); i++) {
            drawPrediction(g, view, all.get(i).predictedPath(upTo), colour(all.get(i), i), arrows);
        }
        // thin rings at the true ends, over the predictions, so that neither hides the other
        for (List<Point2D> truth : truths) {
            if (truth.size() > 1) {
                Point2D end = truth.get(truth.size() - 1);
                Marks.thinCircle(g, end.getX(), end.getY(), 4, Marks.TRUTH);
            }
        }
        for (Track t : all) {
            if (t.query().t() <= upTo) {
                Marks.dot(g, view.x(t.query().x()), view.y(t.query().y()), 2.5, Marks.QUERY);
            }
        }
    }

    private static void drawPrediction(
            Graphics2D g, Viewport view, List<TrackPoint> path, Color colour, boolean arrows) {
        List<Point2D> points = points(view, path);
        Marks.polyline(g, points, colour, false);
        for (int i = 1; i < path.size(); i++) {
            if (!path.get(i).visible()) {
                Marks.circle(g, points.get(i).getX(), points.get(i).getY(), 3.5, colour);
            }
        }
        int last = points.size() - 1;
        if (last < 1) {
            return;
        }
        Point2D end = points.get(last);
        if (arrows && path.get(last).visible()) {
            Marks.arrowHead(g, points.get(last - 1), end, 9, colour);
        } else if (!arrows && path.get(last).visible()) {
            Marks.dot(g, end.getX(), end.getY(), 3.5, colour);
        }
    }

    /** The colour of track {@code t}, the {@code index}-th drawn. */
    Color colour(Track t, int index) {
        if (!tracks.hasTruth()) {
            return Color.getHSBColor((float) ((index * 0.618034) % 1.0), 0.75f, 1f);
        }
        double error = t.meanError();
        return Double.isNaN(error) ? NO_ERROR : ColourMap.ERROR.colour(errorPosition(error));
    }

    /**
     * Where an error of {@code px} pixels sits on the error ramp: log-scaled, clamped to [0, 1].
     */
    static double errorPosition(double px) {
        double pos = Math.log(px / ERROR_LOW) / Math.log(ERROR_HIGH / ERROR_LOW);
        return Math.max(0, Math.min(1, pos));
    }

    /** Tick marks for the error ramp, at powers of two pixels. */
    static List<Legend.Tick> errorTicks() {
        List<Legend.Tick> ticks = new ArrayList<>();
        for (double px = ERROR_LOW; px <= ERROR_HIGH; px *= 2) {
            String label = px < 1 ? String.format(Locale.ROOT, "%.1f", px) : "" + (int) px;
            ticks.add(new Legend.Tick(errorPosition(px), px >= ERROR_HIGH ? label + "+" : label));
        }
        return ticks;
    }

    private static List<Point2D> points(Viewport view, List<TrackPoint> path) {
        List<Point2D> points = new ArrayList<>(path.size());
        for (TrackPoint p : path) {
            points.add(new Point2D.Double(view.x(p.x()), view.y(p.y())));
        }
        return points;
    }
}
