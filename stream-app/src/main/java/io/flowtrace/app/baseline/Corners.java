package io.flowtrace.app.baseline;

import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Points worth tracking: Shi-Tomasi corners (OpenCV's {@code goodFeaturesToTrack}), strongest
 * first, kept apart so they cover the image rather than one textured patch.
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
        List<Point> found = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            Mat corners = new Mat();
            goodFeaturesToTrack(OpenCvMats.gray(image), corners, limit, QUALITY, minDistance);
            int n = (int) corners.total();
            if (n > 0) {
                FloatBuffer xy = corners.createBuffer();
                for (int i = 0; i < n; i++) {
                    found.add(new Point(xy.get(2 * i), xy.get(2 * i + 1)));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Point::y).thenComparingDouble(Point::x));
        return found;
    }
}
