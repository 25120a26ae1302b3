package io.flowtrace.job.internal;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Points worth tracking: Shi-Tomasi corners, strongest first, kept apart so they cover the image
 * rather than one textured patch. The same recipe as OpenCV's {@code goodFeaturesToTrack} with its
 * defaults (3x3 Sobel gradients, 3x3 structure-tensor window, the tensor's smaller eigenvalue as
 * the score, 3x3 local maxima, reflected borders), written in Java so the tracking job needs no
 * native libraries on a Flink cluster; {@code CornersTest} checks it against OpenCV.
 */
public final class Corners {

    /** Corners weaker than this fraction of the strongest one are dropped. */
    static final double QUALITY = 0.01;

    private Corners() {}

    /**
     * At most {@code limit} corners of {@code image}, no two closer than {@code minDistance}
     * pixels, in reading order (top to bottom, then left to right); none on a flat image.
     */
    public static List<Point> find(RgbImage image, double minDistance, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        if (!(minDistance >= 0)) {
            throw new IllegalArgumentException("minDistance must be >= 0, was " + minDistance);
        }
        int w = image.width();
        int h = image.height();
        float[] score = minEigenvalues(gray(image), w, h);
        float max = 0;
        for (float s : score) {
            max = Math.max(max, s);
        }
        List<Integer> candidates = new ArrayList<>();
        if (max > 0) {
            float threshold = (float) (max * QUALITY);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = score[y * w + x];
                    if (s > threshold && isLocalMaximum(score, w, h, x, y)) {
                        candidates.add(y * w + x);
                    }
                }
            }
        }
        // strongest first; equal scores in reading order
        candidates.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
        List<Point> kept = new ArrayList<>();
        double min2 = minDistance * minDistance;
        for (int i : candidates) {
            Point p = new Point(i % w, i / w);
            boolean apart = true;
            for (Point k : kept) {
                double dx = k.x() - p.x();
                double dy = k.y() - p.y();
                if (dx * dx + dy * dy < min2) {
                    apart = false;
                    break;
                }
            }
            if (apart) {
                kept.add(p);
                if (kept.size() == limit) {
                    break;
                }
            }
        }
        kept.sort(Comparator.comparingDouble(Point::y).thenComparingDouble(Point::x));
        return kept;
    }

    /** Luma with OpenCV's RGB-to-gray weights, rounded to 8 bits as OpenCV does. */
    private static float[] gray(RgbImage image) {
        byte[] rgb = image.rgb();
        float[] g = new float[image.width() * image.height()];
        for (int i = 0; i < g.length; i++) {
            double y =
                    0.299 * (rgb[3 * i] & 0xff)
                            + 0.587 * (rgb[3 * i + 1] & 0xff)
                            + 0.114 * (rgb[3 * i + 2] & 0xff);
            g[i] = Math.round(y);
        }
        return g;
    }

    /** The smaller eigenvalue of the 3x3-summed structure tensor of 3x3 Sobel gradients. */
    private static float[] minEigenvalues(float[] g, int w, int h) {
        float[] xx = new float[w * h];
        float[] xy = new float[w * h];
        float[] yy = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float dx =
                        at(g, w, h, x + 1, y - 1)
                                + 2 * at(g, w, h, x + 1, y)
                                + at(g, w, h, x + 1, y + 1)
                                - at(g, w, h, x - 1, y - 1)
                                - 2 * at(g, w, h, x - 1, y)
                                - at(g, w, h, x - 1, y + 1);
                float dy =
                        at(g, w, h, x - 1, y + 1)
                                + 2 * at(g, w, h, x, y + 1)
                                + at(g, w, h, x + 1, y + 1)
                                - at(g, w, h, x - 1, y - 1)
                                - 2 * at(g, w, h, x, y - 1)
                                - at(g, w, h, x + 1, y - 1);
                int i = y * w + x;
                xx[i] = dx * dx;
                xy[i] = dx * dy;
                yy[i] = dy * dy;
            }
        }
        float[] score = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = boxSum(xx, w, h, x, y) / 2;
                float b = boxSum(xy, w, h, x, y);
                float c = boxSum(yy, w, h, x, y) / 2;
                score[y * w + x] = (float) ((a + c) - Math.sqrt((a - c) * (a - c) + b * b));
            }
        }
        return score;
    }

    private static float boxSum(float[] v, int w, int h, int x, int y) {
        float sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                sum += at(v, w, h, x + dx, y + dy);
            }
        }
        return sum;
    }

    private static boolean isLocalMaximum(float[] v, int w, int h, int x, int y) {
        float s = v[y * w + x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (at(v, w, h, x + dx, y + dy) > s) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code v} at (x, y), with borders reflected about the edge pixel (OpenCV's default). */
    private static float at(float[] v, int w, int h, int x, int y) {
        return v[reflect(y, h) * w + reflect(x, w)];
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * n - 2 - i;
        }
        return i;
    }
}
