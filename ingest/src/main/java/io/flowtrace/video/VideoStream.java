package io.flowtrace.video;

import io.flowtrace.inference.RgbImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Frames decoded one at a time from a video file, a network stream (e.g. {@code rtsp://}) or a
 * capture device, so that long and live sources never sit in memory whole.
 */
public final class VideoStream implements AutoCloseable {

    /** One decoded frame and its presentation time from the start of the stream. */
    public record TimedImage(RgbImage image, long timestampMicros) {}

    private final FFmpegFrameGrabber grabber;
    private final String source;
    private int decoded;

    private VideoStream(FFmpegFrameGrabber grabber, String source) {
        this.grabber = grabber;
        this.source = source;
    }

    /** Opens a video file. */
    public static VideoStream file(Path file) {
        return open(new FFmpegFrameGrabber(file.toFile()), file.toString());
    }

    /** Opens a network stream such as {@code rtsp://host/path}; RTSP goes over TCP. */
    public static VideoStream url(String url) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
        if (url.startsWith("rtsp:")) {
            grabber.setOption("rtsp_transport", "tcp");
        }
        return open(grabber, url);
    }

    /** Opens a Video4Linux capture device such as {@code /dev/video0}. */
    public static VideoStream device(String device) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
        grabber.setFormat("video4linux2");
        return open(grabber, device);
    }

    private static VideoStream open(FFmpegFrameGrabber grabber, String source) {
        FfmpegLogging.quiet();
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new VideoSourceException(source, "cannot open as a video: " + reason(e), e);
        }
        return new VideoStream(grabber, source);
    }

    /** The stream's nominal frame rate, or 0 when it does not say. */
    public double frameRate() {
        double rate = grabber.getFrameRate();
        return Double.isFinite(rate) && rate > 0 ? rate : 0;
    }

    /**
     * The next frame, or {@code null} at the end of the stream.
     *
     * @throws VideoSourceException naming the source and frame when decoding fails
     */
    public TimedImage next() {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new VideoSourceException(
                    source, "cannot decode frame " + decoded + ": " + reason(e), e);
        }
        if (frame == null) {
            return null;
        }
        decoded++;
        return new TimedImage(VideoDecoding.toRgb(frame), frame.timestamp);
    }

    /** The source as given, for messages. */
    public String source() {
        return source;
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new VideoSourceException(source, "cannot close: " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
