package io.flowtrace.views.internal;

import io.flowtrace.frames.FrameDecoding;
import io.flowtrace.frames.FrameDecodingException;
import io.flowtrace.frames.RgbImages;
import io.flowtrace.schema.Frame;
import io.flowtrace.views.ViewsCounters;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each camera's latest frame for the viewer, scaled down and JPEG-encoded, at most one per
 * frame interval of capture time: decoding every frame of every camera is not worth it for a
 * picture a person looks at.
 */
final class FrameProcessor implements FixedKeyProcessor<String, Frame, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(FrameProcessor.class);

    private final int maxWidth;
    private final long intervalMillis;
    private final ViewsCounters counters;
    private KeyValueStore<String, ViewerFrame> frames;

    FrameProcessor(int maxWidth, Duration interval, ViewsCounters counters) {
        this.maxWidth = maxWidth;
        this.intervalMillis = interval.toMillis();
        this.counters = counters;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Void> context) {
        frames = context.getStateStore(StoreNames.FRAMES);
    }

    @Override
    public void process(FixedKeyRecord<String, Frame> record) {
        Frame f = record.value();
        long capture = f.getCaptureTime().toEpochMilli();
        ViewerFrame previous = frames.get(f.getCameraId());
        if (previous != null
                && (f.getSequence() <= previous.getSequence()
                        || capture - previous.getCaptureTime() < intervalMillis)) {
            return;
        }
        BufferedImage image;
        try {
            image = RgbImages.toBufferedImage(FrameDecoding.decode(f));
        } catch (FrameDecodingException e) {
            // the tracking job sends this frame to dead letters; counting it here is enough
            counters.unreadableImage();
            LOG.debug("frame {} of {} unreadable: {}", f.getSequence(), f.getCameraId(), e);
            return;
        }
        frames.put(
                f.getCameraId(),
                new ViewerFrame(
                        f.getSequence(),
                        capture,
                        f.getWidth(),
                        f.getHeight(),
                        ByteBuffer.wrap(jpeg(scaled(image)))));
    }

    private BufferedImage scaled(BufferedImage image) {
        if (image.getWidth() <= maxWidth) {
            return image;
        }
        int height =
                Math.max(1, Math.round(image.getHeight() * maxWidth / (float) image.getWidth()));
        BufferedImage out = new BufferedImage(maxWidth, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, maxWidth, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a viewer frame", e);
        }
        return out.toByteArray();
    }
}
