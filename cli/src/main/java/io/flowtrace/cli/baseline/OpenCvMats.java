package io.flowtrace.cli.baseline;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Copies between the project's images and flow fields and OpenCV matrices. Matrices made here are
 * released by the caller's {@link org.bytedeco.javacpp.PointerScope}.
 */
final class OpenCvMats {

    private OpenCvMats() {}

    /** Rejects a frame pair of different sizes. */
    static void checkSameSize(RgbImage from, RgbImage to) {
        if (!from.sameSizeAs(to)) {
            throw new IllegalArgumentException(
                    "frames differ in size: "
                            + from.width()
                            + "x"
                            + from.height()
                            + " and "
                            + to.width()
                            + "x"
                            + to.height());
        }
    }

    /** {@code image} as an 8-bit single-channel matrix, converted by OpenCV's luma weights. */
    static Mat gray(RgbImage image) {
        Mat rgb = new Mat(image.height(), image.width(), CV_8UC3);
        rgb.<ByteBuffer>createBuffer().put(image.rgb());
        Mat gray = new Mat();
        cvtColor(rgb, gray, COLOR_RGB2GRAY);
        return gray;
    }

    /** A two-channel float matrix of OpenCV flow as a field. */
    static FlowField flowField(Mat flow) {
        if (flow.type() != CV_32FC2 || !flow.isContinuous()) {
            throw new IllegalStateException(
                    "expected continuous CV_32FC2 flow, got type " + flow.type());
        }
        int width = flow.cols();
        int height = flow.rows();
        float[] interleaved = new float[2 * width * height];
        flow.<FloatBuffer>createBuffer().get(interleaved);
        float[] u = new float[width * height];
        float[] v = new float[width * height];
        for (int i = 0; i < u.length; i++) {
            u[i] = interleaved[2 * i];
            v[i] = interleaved[2 * i + 1];
        }
        return new FlowField(width, height, u, v);
    }
}
