package io.flowtrace.video;

import io.flowtrace.frames.RgbImages;
import io.flowtrace.inference.RgbImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Writes test clips as lossless videos. */
public final class TestVideos {

    private TestVideos() {}

    /** Writes {@code frames} to {@code file} as Matroska with the lossless FFV1 codec. */
    public static Path writeLossless(List<RgbImage> frames, Path file) {
        FfmpegLogging.quiet();
        RgbImage first = frames.get(0);
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(file.toFile(), first.width(), first.height(), 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(10);
            recorder.start();
            for (RgbImage frame : frames) {
                recorder.record(converter.convert(RgbImages.toBufferedImage(frame)));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("cannot write test video " + file, e);
        }
        return file;
    }
}
