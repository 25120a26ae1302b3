package io.flowtrace.cli.baseline;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * OpenCV's pyramidal Lucas-Kanade on the frames' grayscale, run forwards and then backwards from
 * the estimates; a point whose either pass reports failure is occluded.
 */
final class LucasKanadeTracker implements PairTracker {

    private static final int WINDOW = 21;

    /** Pyramid levels above the full-size image: 4 levels in all. */
    private static final int MAX_LEVEL = 3;

    private static final int MAX_ITERATIONS = 30;
    private static final double EPSILON = 0.01;

    /** OpenCV's default: drop points whose gradient matrix is this close to singular. */
    private static final double MIN_EIGEN_THRESHOLD = 1e-4;

    private final ForwardBackwardCheck check;

    LucasKanadeTracker(ForwardBackwardCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public List<PointEstimate> track(
            RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
        OpenCvMats.checkSameSize(from, to);
        if (points.isEmpty()) {
            return List.of();
        }
        List<PointEstimate> estimates = new ArrayList<>(points.size());
        // The scope releases the images, point lists and settings, including on failure.
        try (PointerScope scope = new PointerScope()) {
            Mat first = OpenCvMats.gray(from);
            Mat second = OpenCvMats.gray(to);
            Mat queries = pointMat(points);
            Mat forward = new Mat();
            Mat forwardFound = new Mat();
            Mat back = new Mat();
            Mat backFound = new Mat();
            lucasKanade(first, second, queries, forward, forwardFound);
            lucasKanade(second, first, forward, back, backFound);
            float[] forwardXy = floats(forward, points.size());
            float[] backXy = floats(back, points.size());
            byte[] forwardOk = bytes(forwardFound, points.size());
            byte[] backOk = bytes(backFound, points.size());
            for (int i = 0; i < points.size(); i++) {
                Point target = point(forwardXy, i);
                // A failed pass leaves no round trip, which the check counts as occluded.
                Point returned = forwardOk[i] != 0 && backOk[i] != 0 ? point(backXy, i) : null;
                estimates.add(
                        check.judge(points.get(i), target, returned, from.width(), from.height()));
            }
        }
        progress.accept(points.size());
        return estimates;
    }

    private static void lucasKanade(Mat from, Mat to, Mat points, Mat found, Mat status) {
        calcOpticalFlowPyrLK(
                from,
                to,
                points,
                found,
                status,
                new Mat(),
                new Size(WINDOW, WINDOW),
                MAX_LEVEL,
                new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, MAX_ITERATIONS, EPSILON),
                0,
                MIN_EIGEN_THRESHOLD);
    }

    private static Mat pointMat(List<Point> points) {
        Mat mat = new Mat(points.size(), 1, CV_32FC2);
        FloatBuffer xy = mat.createBuffer();
        for (Point p : points) {
            xy.put((float) p.x()).put((float) p.y());
        }
        return mat;
    }

    private static float[] floats(Mat points, int n) {
        float[] xy = new float[2 * n];
        points.<FloatBuffer>createBuffer().get(xy);
        return xy;
    }

    private static byte[] bytes(Mat status, int n) {
        byte[] values = new byte[n];
        status.<ByteBuffer>createBuffer().get(values);
        return values;
    }

    /** The point at index {@code i} of {@code xy}, or null when OpenCV left it non-finite. */
    private static Point point(float[] xy, int i) {
        float x = xy[2 * i];
        float y = xy[2 * i + 1];
        return Float.isFinite(x) && Float.isFinite(y) ? new Point(x, y) : null;
    }

    @Override
    public String describe() {
        return "OpenCV pyramidal Lucas-Kanade (window "
                + WINDOW
                + "x"
                + WINDOW
                + ", maxLevel "
                + MAX_LEVEL
                + ", at most "
                + MAX_ITERATIONS
                + " iterations or a step below "
                + EPSILON
                + " px); "
                + check.describe();
    }

    @Override
    public int stepsPerPoint() {
        return 1;
    }

    @Override
    public void close() {
        // Each call releases its native memory before returning.
    }
}
