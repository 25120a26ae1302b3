package io.flowtrace.video;

import org.bytedeco.ffmpeg.global.avutil;

/** Keeps FFmpeg's native logging, which bypasses the Java loggers, to errors only. */
public final class FfmpegLogging {

    private static volatile boolean quiet;

    private FfmpegLogging() {}

    /** Sets FFmpeg's log level to {@code AV_LOG_ERROR}, once per process. */
    public static void quiet() {
        if (!quiet) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            quiet = true;
        }
    }
}
