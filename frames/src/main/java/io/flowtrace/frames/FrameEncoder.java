package io.flowtrace.frames;

import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.FrameEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes frames for the frames topic: JPEG (with a quality), PNG, or raw RGB24. */
public final class FrameEncoder {

    private final FrameEncoding encoding;
    private final float jpegQuality;

    /**
     * @param jpegQuality 0 to 1, used for JPEG only
     */
    public FrameEncoder(FrameEncoding encoding, float jpegQuality) {
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException(
                    "JPEG quality must be in (0, 1], was " + jpegQuality);
        }
        this.encoding = encoding;
        this.jpegQuality = jpegQuality;
    }

    public FrameEncoding encoding() {
        return encoding;
    }

    /** The image's bytes in this encoding. */
    public byte[] encode(RgbImage image) {
        return switch (encoding) {
            case RGB24 -> image.rgb().clone();
            case PNG -> png(image);
            case JPEG -> jpeg(image);
        };
    }

    private static byte[] png(RgbImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(RgbImages.toBufferedImage(image), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a frame as PNG", e);
        }
        return out.toByteArray();
    }

    private byte[] jpeg(RgbImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(RgbImages.toBufferedImage(image), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a frame as JPEG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
