package io.flowtrace.job;

import io.flowtrace.frames.RgbImages;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.TrackQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import javax.imageio.ImageIO;

/** Frames, pairs and queries for the job's tests, at 10 frames per second from {@link #T0}. */
final class TestFrames {

    /** Capture time of frame 0. */
    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    /** Milliseconds between frames. */
    static final long FRAME_MILLIS = 100;

    private TestFrames() {}

    /** Capture time of frame {@code sequence}, in epoch millis. */
    static long captureMillis(long sequence) {
        return T0.toEpochMilli() + sequence * FRAME_MILLIS;
    }

    /** A tiny 4x4 RGB24 frame captured on schedule. */
    static Frame frame(String camera, long sequence) {
        return rgb24(camera, sequence, RgbImage.blank(4, 4));
    }

    /** A tiny frame of the given size, captured on schedule. */
    static Frame frame(String camera, long sequence, int width, int height) {
        return rgb24(camera, sequence, RgbImage.blank(width, height));
    }

    /** {@code frame} as if captured at {@code millis}. */
    static Frame capturedAt(Frame frame, long millis) {
        return Frame.newBuilder(frame).setCaptureTime(Instant.ofEpochMilli(millis)).build();
    }

    static Frame rgb24(String camera, long sequence, RgbImage image) {
        return frame(camera, sequence, image, FrameEncoding.RGB24, image.rgb().clone());
    }

    static Frame png(String camera, long sequence, RgbImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(RgbImages.toBufferedImage(image), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame(camera, sequence, image, FrameEncoding.PNG, bytes.toByteArray());
    }

    /** A frame that claims to be a {@code width x height} PNG but holds {@code data}. */
    static Frame claimedPng(String camera, long sequence, int width, int height, byte[] data) {
        return frame(camera, sequence, RgbImage.blank(width, height), FrameEncoding.PNG, data);
    }

    private static Frame frame(
            String camera, long sequence, RgbImage size, FrameEncoding encoding, byte[] data) {
        return Frame.newBuilder()
                .setCameraId(camera)
                .setSequence(sequence)
                .setCaptureTime(Instant.ofEpochMilli(captureMillis(sequence)))
                .setWidth(size.width())
                .setHeight(size.height())
                .setEncoding(encoding)
                .setData(ByteBuffer.wrap(data))
                .setSource(null)
                .build();
    }

    /** The pair of tiny frames {@code from} and {@code to}, received at time 0. */
    static FramePair pair(String camera, long from, long to) {
        return new FramePair(
                camera, frame(camera, from), frame(camera, to), (int) (to - from - 1), 0);
    }

    static TrackQuery add(String camera, String id, Long frameSequence, double x, double y) {
        return query(camera, id, QueryAction.ADD, frameSequence, x, y);
    }

    static TrackQuery remove(String camera, String id) {
        return query(camera, id, QueryAction.REMOVE, null, 0, 0);
    }

    private static TrackQuery query(
            String camera, String id, QueryAction action, Long frameSequence, double x, double y) {
        return TrackQuery.newBuilder()
                .setCameraId(camera)
                .setQueryId(id)
                .setAction(action)
                .setFrameSequence(frameSequence)
                .setX(x)
                .setY(y)
                .setIssuedAt(T0)
                .build();
    }
}
