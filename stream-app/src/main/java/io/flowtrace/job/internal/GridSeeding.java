package io.flowtrace.job.internal;

import java.util.ArrayList;
import java.util.List;

/** Places a regular grid of points on a frame, for cameras tracked without queries. */
public final class GridSeeding {

    private GridSeeding() {}

    /** A point of the grid: its id and position in pixels. */
    public record GridPoint(String id, int x, int y) {}

    /**
     * Points every {@code spacing} pixels, the first at {@code spacing / 2} from the top-left
     * corner, row by row, at most {@code limit} of them; ids read {@code grid-<x>-<y>}.
     */
    public static List<GridPoint> points(int width, int height, int spacing, int limit) {
        if (spacing < 1) {
            throw new IllegalArgumentException("grid spacing must be >= 1 px, was " + spacing);
        }
        List<GridPoint> points = new ArrayList<>();
        for (int y = spacing / 2; y < height; y += spacing) {
            for (int x = spacing / 2; x < width && points.size() < limit; x += spacing) {
                points.add(new GridPoint("grid-" + x + "-" + y, x, y));
            }
        }
        return points;
    }
}
