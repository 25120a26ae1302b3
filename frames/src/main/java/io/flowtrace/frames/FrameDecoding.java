package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Turns a {@link Frame}'s bytes into RGB pixels: JPEG and PNG through ImageIO, RGB24 as is. */
public final class FrameDecoding {

    private FrameDecoding() {}

    /**
     * The frame's pixels.
     *
     * @throws FrameDecodingException with {@link DeadLetterReason#UNDECODABLE} when the bytes are
     *     not an image of the stated encoding, {@link DeadLetterReason#BAD_FRAME} when the image
     *     does not have the stated size
     */
    public static RgbImage decode(Frame frame) {
        byte[] bytes = bytesOf(frame.getData());
        int width = frame.getWidth();
        int height = frame.getHeight();
        if (width <= 0 || height <= 0) {
            throw bad(frame, "size " + width + "x" + height + " is not positive");
        }
        return switch (frame.getEncoding()) {
            case RGB24 -> {
                long expected = 3L * width * height;
                if (bytes.length != expected) {
                    throw bad(
                            frame,
                            "RGB24 "
                                    + width
                                    + "x"
                                    + height
                                    + " needs "
                                    + expected
                                    + " bytes, got "
                                    + bytes.length);
                }
                yield new RgbImage(width, height, bytes);
            }
            case JPEG, PNG -> decodeImage(frame, bytes);
        };
    }

    private static RgbImage decodeImage(Frame frame, byte[] bytes) {
        BufferedImage image;
        // An in-memory stream, which ImageIO.read closes: its default may cache through a file.
        try {
            ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new FrameDecodingException(
                    DeadLetterReason.UNDECODABLE,
                    describe(frame) + ": cannot decode " + frame.getEncoding() + ": " + e,
                    e);
        }
        if (image == null) {
            throw new FrameDecodingException(
                    DeadLetterReason.UNDECODABLE,
                    describe(frame)
                            + ": "
                            + bytes.length
                            + " bytes are not a readable "
                            + frame.getEncoding()
                            + " image",
                    null);
        }
        if (image.getWidth() != frame.getWidth() || image.getHeight() != frame.getHeight()) {
            throw bad(
                    frame,
                    "decoded "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + " but the frame says "
                            + frame.getWidth()
                            + "x"
                            + frame.getHeight());
        }
        return RgbImages.fromBufferedImage(image);
    }

    /** A copy of the buffer's remaining bytes; the buffer itself is left untouched. */
    private static byte[] bytesOf(ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private static FrameDecodingException bad(Frame frame, String what) {
        return new FrameDecodingException(
                DeadLetterReason.BAD_FRAME, describe(frame) + ": " + what, null);
    }

    /** Names the frame in messages: camera and sequence. */
    public static String describe(Frame frame) {
        return "camera " + frame.getCameraId() + " frame " + frame.getSequence();
    }
}
