package io.flowtrace.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * One crop pair of a probe request with the points to probe on it and the mask seeds to use.
 *
 * @param frame1 the query-frame crop, {@link ModelTensors#CROP_SIZE} square
 * @param frame2 the target-frame crop, same size
 * @param points probe points as {@code x0, y0, x1, y1, ...} in frame-1 crop pixels
 * @param seeds mask seeds; the clean pass of a (pair, seed) is shared by all its points
 * @param window the frame-2 region whose hidden patches are queried
 */
public record ProbePair(
        RgbImage frame1, RgbImage frame2, float[] points, long[] seeds, QueryWindow window) {

    /** A pair whose every hidden patch is queried. */
    public ProbePair(RgbImage frame1, RgbImage frame2, float[] points, long[] seeds) {
        this(frame1, frame2, points, seeds, QueryWindow.FULL);
    }

    public ProbePair {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(frame1, "frame1");
        Objects.requireNonNull(frame2, "frame2");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(seeds, "seeds");
        requireCrop("frame1", frame1);
        requireCrop("frame2", frame2);
        if (points.length == 0 || points.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "points must hold x, y pairs and at least one point, got "
                            + points.length
                            + " values");
        }
        for (int i = 0; i < points.length; i++) {
            if (!Float.isFinite(points[i])) {
                throw new IllegalArgumentException(
                        "probe point " + (i / 2) + " has a non-finite coordinate " + points[i]);
            }
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("at least one mask seed is required");
        }
    }

    private static void requireCrop(String name, RgbImage image) {
        if (image.width() != ModelTensors.CROP_SIZE || image.height() != ModelTensors.CROP_SIZE) {
            throw new IllegalArgumentException(
                    name
                            + " must be "
                            + ModelTensors.CROP_SIZE
                            + "x"
                            + ModelTensors.CROP_SIZE
                            + ", was "
                            + image.width()
                            + "x"
                            + image.height());
        }
    }

    public int pointCount() {
        return points.length / 2;
    }

    public float x(int point) {
        return points[2 * point];
    }

    public float y(int point) {
        return points[2 * point + 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbePair p
                && frame1.equals(p.frame1)
                && frame2.equals(p.frame2)
                && Arrays.equals(points, p.points)
                && Arrays.equals(seeds, p.seeds)
                && window.equals(p.window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                frame1, frame2, Arrays.hashCode(points), Arrays.hashCode(seeds), window);
    }

    @Override
    public String toString() {
        return "ProbePair[points="
                + pointCount()
                + ", seeds="
                + Arrays.toString(seeds)
                + (window.coversCrop() ? "" : ", window=" + window)
                + "]";
    }
}
