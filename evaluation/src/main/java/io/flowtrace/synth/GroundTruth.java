package io.flowtrace.synth;

import io.flowtrace.task.TrackPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact tracks in a scene: a point keeps its local coordinates on its surface, so its position in
 * frame t is the surface's pose at t applied to them; it is visible when it is inside the view and
 * no nearer surface covers it.
 */
final class GroundTruth {

    private final int width;
    private final int height;
    private final Scene.Frame[] frames;

    GroundTruth(Scene scene, int width, int height, int frameCount) {
        this.width = width;
        this.height = height;
        this.frames = new Scene.Frame[frameCount];
        for (int t = 0; t < frameCount; t++) {
            frames[t] = scene.at(t);
        }
    }

    /**
     * Track rows of query {@code id}, on {@code surface} at (x, y) in frame {@code queryT}, for
     * every other frame.
     */
    List<TrackPoint> track(int id, int surface, int queryT, double x, double y) {
        Affine toLocal = frames[queryT].inverse(surface);
        double u = toLocal.applyX(x, y);
        double v = toLocal.applyY(x, y);
        List<TrackPoint> rows = new ArrayList<>(frames.length - 1);
        for (int t = 0; t < frames.length; t++) {
            if (t == queryT) {
                continue;
            }
            Affine pose = frames[t].pose(surface);
            double px = pose.applyX(u, v);
            double py = pose.applyY(u, v);
            rows.add(new TrackPoint(id, t, px, py, visible(t, surface, px, py)));
        }
        return rows;
    }

    /**
     * True when the surface point at (x, y) in frame {@code queryT} is covered by a nearer surface
     * inside the view in some other frame.
     */
    boolean occludedSomewhere(int surface, int queryT, double x, double y) {
        for (TrackPoint row : track(-1, surface, queryT, x, y)) {
            if (!row.visible() && inView(row.x(), row.y())) {
                return true;
            }
        }
        return false;
    }

    private boolean visible(int t, int surface, double x, double y) {
        return inView(x, y) && frames[t].surfaceAt(x, y) == surface;
    }

    private boolean inView(double x, double y) {
        return x >= -0.5 && x <= width - 0.5 && y >= -0.5 && y <= height - 0.5;
    }
}
