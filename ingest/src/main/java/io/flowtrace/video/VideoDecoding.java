package io.flowtrace.video;

import io.flowtrace.frames.FrameReadException;
import io.flowtrace.inference.RgbImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video file's frames with FFmpeg into RGB images. */
public final class VideoDecoding {

    private VideoDecoding() {}

    /** Every video frame of {@code file}, in decoding order; empty when it has none. */
    static List<RgbImage> decodeAll(Path file) {
        FfmpegLogging.quiet();
        List<RgbImage> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            start(grabber, file);
            Frame frame;
            while ((frame = grab(grabber, file, frames.size())) != null) {
                RgbImage image = toRgb(frame);
                checkSameSize(file, frames, image);
                frames.add(image);
            }
        } catch (FrameGrabber.Exception e) {
            throw new FrameReadException(file, "cannot close video: " + reason(e), e);
        }
        return frames;
    }

    private static void start(FFmpegFrameGrabber grabber, Path file) {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new FrameReadException(file, "cannot open as a video: " + reason(e), e);
        }
    }

    private static Frame grab(FFmpegFrameGrabber grabber, Path file, int index) {
        try {
            return grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new FrameReadException(
                    file, "cannot decode frame " + index + ": " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }

    private static void checkSameSize(Path file, List<RgbImage> frames, RgbImage image) {
        if (!frames.isEmpty() && !frames.get(0).sameSizeAs(image)) {
            RgbImage first = frames.get(0);
            throw new FrameReadException(
                    file,
                    "frame "
                            + frames.size()
                            + " is "
                            + image.width()
                            + "x"
                            + image.height()
                            + " but frame 0 is "
                            + first.width()
                            + "x"
                            + first.height());
        }
    }

    /** Copies a BGR24 frame, whose rows may be padded, into a new RGB image. */
    public static RgbImage toRgb(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        byte[] row = new byte[width * 3];
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            pixels.get(y * stride, row);
            int out = y * width * 3;
            for (int i = 0; i < row.length; i += 3) {
                rgb[out + i] = row[i + 2];
                rgb[out + i + 1] = row[i + 1];
                rgb[out + i + 2] = row[i];
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
