package io.flowtrace.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.tracer.Point;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

public class CornersTest {

    /** A white {@code w}x{@code h} rectangle at (x0, y0) on black. */
    public static RgbImage rectangle(int width, int height, int x0, int y0, int w, int h) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * width + x) * 3 + c] = (byte) 255;
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    @Test
    void findsTheFourCornersOfARectangleInReadingOrder() {
        List<Point> corners = Corners.find(rectangle(64, 48, 16, 12, 24, 20), 8, 12);

        assertThat(corners).hasSize(4);
        double[][] expected = {{16, 12}, {39, 12}, {16, 31}, {39, 31}};
        for (int i = 0; i < 4; i++) {
            assertThat(
                            Math.hypot(
                                    corners.get(i).x() - expected[i][0],
                                    corners.get(i).y() - expected[i][1]))
                    .as("corner %d at %s", i, corners.get(i))
                    .isLessThanOrEqualTo(1.5);
        }
    }

    @Test
    void keepsTheStrongestWithinTheLimitAndApart() {
        List<Point> two = Corners.find(rectangle(64, 48, 16, 12, 24, 20), 8, 2);
        List<Point> apart = Corners.find(rectangle(64, 48, 16, 12, 24, 20), 30, 12);

        assertThat(two).hasSize(2);
        assertThat(apart).hasSizeLessThan(4);
        for (Point a : apart) {
            for (Point b : apart) {
                assertThat(a == b || Math.hypot(a.x() - b.x(), a.y() - b.y()) >= 30).isTrue();
            }
        }
    }

    @Test
    void agreesWithOpenCvOnATexturedScene() {
        RgbImage image =
                SyntheticClip.generate(SceneSpec.builder().size(128, 96).queries(1).seed(5).build())
                        .frames()
                        .get(0);

        List<Point> ours = Corners.find(image, 8, 40);
        List<Point> opencv = openCvCorners(image, 8, 40);

        assertThat(ours).hasSizeGreaterThan(20);
        long matched =
                ours.stream()
                        .filter(
                                p ->
                                        opencv.stream()
                                                .anyMatch(
                                                        q ->
                                                                Math.hypot(
                                                                                p.x() - q.x(),
                                                                                p.y() - q.y())
                                                                        <= 1.0))
                        .count();
        System.out.printf(
                "corners: %d of ours within 1 px of OpenCV's %d%n",
                matched, opencv.size()); // kept in the surefire report
        assertThat((double) matched / ours.size()).isGreaterThanOrEqualTo(0.8);
    }

    /** OpenCV's goodFeaturesToTrack with its defaults, on OpenCV's own gray conversion. */
    private static List<Point> openCvCorners(RgbImage image, double minDistance, int limit) {
        List<Point> found = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            Mat rgb = new Mat(image.height(), image.width(), opencv_core.CV_8UC3);
            rgb.<ByteBuffer>createBuffer().put(image.rgb());
            Mat gray = new Mat();
            opencv_imgproc.cvtColor(rgb, gray, opencv_imgproc.COLOR_RGB2GRAY);
            Mat corners = new Mat();
            opencv_imgproc.goodFeaturesToTrack(gray, corners, limit, Corners.QUALITY, minDistance);
            FloatBuffer xy = corners.createBuffer();
            for (int i = 0; i < corners.total(); i++) {
                found.add(new Point(xy.get(2 * i), xy.get(2 * i + 1)));
            }
        }
        return found;
    }

    @Test
    void findsNothingOnAFlatImage() {
        assertThat(Corners.find(RgbImage.blank(32, 32), 4, 10)).isEmpty();
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> Corners.find(RgbImage.blank(8, 8), 4, 0))
                .hasMessage("limit must be >= 1, was 0");
    }
}
