package io.flowtrace.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes pictures as an H.264 MP4 (yuv420p, which most players expect). yuv420p needs even
 * dimensions, so odd ones are padded by a black row or column. The video goes to a temporary file
 * beside the target and is moved into place by {@link #finish()}; closing without finishing deletes
 * it, so a failure never leaves a partial video.
 */
public final class Mp4Writer implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final BufferedImage canvas;
    private boolean finished;

    private Mp4Writer(Path target, Path temp, FFmpegFrameRecorder recorder, BufferedImage canvas) {
        this.target = target;
        this.temp = temp;
        this.recorder = recorder;
        this.canvas = canvas;
    }

    /**
     * Starts a video of {@code width x height} pictures (rounded up to even) at {@code fps}.
     *
     * @throws UncheckedIOException naming the file when it cannot be created or the encoder fails
     */
    public static Mp4Writer open(Path file, int width, int height, double fps) {
        if (width <= 0 || height <= 0 || !(fps > 0)) {
            throw new IllegalArgumentException(
                    "video needs a positive size and frame rate, was "
                            + width
                            + "x"
                            + height
                            + " at "
                            + fps);
        }
        FfmpegLogging.quiet();
        int w = width + (width & 1);
        int h = height + (height & 1);
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp =
                    Files.createTempFile(absolute.getParent(), "." + file.getFileName(), ".tmp");
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temp.toFile(), w, h, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            // A quarter bit per pixel and frame: thin coloured lines stay sharp.
            recorder.setVideoBitrate((int) Math.min(20e6, Math.max(1e6, w * h * fps / 4)));
            start(recorder, file, temp);
            BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            return new Mp4Writer(absolute, temp, recorder, canvas);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void start(FFmpegFrameRecorder recorder, Path file, Path temp)
            throws IOException {
        try {
            recorder.start();
        } catch (IOException e) {
            recorder.release();
            Files.deleteIfExists(temp);
            throw new IOException("cannot start the H.264 encoder: " + e.getMessage(), e);
        }
    }

    /** Width of the video, even. */
    public int width() {
        return canvas.getWidth();
    }

    /** Height of the video, even. */
    public int height() {
        return canvas.getHeight();
    }

    /** Appends {@code picture}, drawn at the top left of a black frame, {@code times} times. */
    public void write(BufferedImage picture, int times) {
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        try {
            for (int i = 0; i < times; i++) {
                recorder.record(converter.convert(canvas));
            }
        } catch (IOException e) {
            throw failure("cannot encode a frame of", e);
        }
    }

    /** Flushes the encoder and moves the video into place. */
    public void finish() {
        try {
            recorder.stop();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
        } catch (IOException e) {
            throw failure("cannot finish", e);
        }
    }

    /** Releases the encoder; deletes the temporary file unless {@link #finish()} moved it. */
    @Override
    public void close() {
        try {
            recorder.release();
            converter.close();
            if (!finished) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failure("cannot release the encoder of", e);
        }
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + " " + target + ": " + e.getMessage(), e);
    }
}
