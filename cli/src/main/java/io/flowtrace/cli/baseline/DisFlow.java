package io.flowtrace.cli.baseline;

import io.flowtrace.flow.FlowField;
import io.flowtrace.inference.RgbImage;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/** OpenCV's DIS optical flow, medium preset, on the frames' grayscale. */
final class DisFlow implements DenseFlow {

    @Override
    public FlowField flow(RgbImage from, RgbImage to) {
        OpenCvMats.checkSameSize(from, to);
        // The scope releases the algorithm and every matrix, including on failure.
        try (PointerScope scope = new PointerScope()) {
            DISOpticalFlow dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
            Mat flow = new Mat();
            dis.calc(OpenCvMats.gray(from), OpenCvMats.gray(to), flow);
            return OpenCvMats.flowField(flow);
        }
    }

    @Override
    public String describe() {
        return "OpenCV DIS flow, medium preset";
    }
}
