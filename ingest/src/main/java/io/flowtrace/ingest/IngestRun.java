package io.flowtrace.ingest;

import io.flowtrace.schema.Frame;
import io.flowtrace.video.VideoStream.TimedImage;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * One ingest run: reads frames, stamps each with its camera, sequence number and capture time,
 * encodes it and produces it keyed by camera. Stored sources get capture times of the run's start
 * plus their own timestamps; live sources get the clock's time when the frame was read.
 */
public final class IngestRun {

    /** Waits until a moment, so stored sources can be sent at their own speed. */
    @FunctionalInterface
    public interface Pacer {
        void sleepUntil(Instant when) throws InterruptedException;
    }

    private final IngestOptions options;
    private final Producer<String, Frame> producer;
    private final Clock clock;
    private final Pacer pacer;

    public IngestRun(
            IngestOptions options, Producer<String, Frame> producer, Clock clock, Pacer pacer) {
        this.options = Objects.requireNonNull(options, "options");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * Sends every frame (at most {@code maxFrames}), then flushes the producer.
     *
     * @param progress told each time a frame is sent
     * @throws KafkaException when the broker did not take a frame
     * @throws InterruptedException when interrupted while pacing
     */
    public IngestSummary run(LongConsumer progress) throws InterruptedException {
        Instant start = clock.instant();
        long sent = 0;
        long skipped = 0;
        long bytes = 0;
        long nextSlotMicros = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (FrameReader reader = options.source().open()) {
            TimedImage image;
            while ((options.maxFrames() == 0 || sent < options.maxFrames())
                    && (image = reader.next()) != null) {
                if (options.fps() > 0 && image.timestampMicros() < nextSlotMicros) {
                    skipped++;
                    continue;
                }
                nextSlotMicros = nextSlot(image.timestampMicros(), nextSlotMicros);
                Instant captured =
                        reader.live()
                                ? clock.instant()
                                : start.plusNanos(1000 * image.timestampMicros());
                if (options.realtime() && !reader.live()) {
                    pacer.sleepUntil(captured);
                }
                Frame frame = frame(image, options.firstSequence() + sent, captured, reader);
                bytes += frame.getData().remaining();
                producer.send(
                        new ProducerRecord<>(options.topic(), options.cameraId(), frame),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                checkFailure(failure);
                sent++;
                progress.accept(sent);
            }
        }
        producer.flush();
        checkFailure(failure);
        return new IngestSummary(sent, skipped, bytes, Duration.between(start, clock.instant()));
    }

    private long nextSlot(long timestampMicros, long previousSlot) {
        if (options.fps() <= 0) {
            return 0;
        }
        long period = Math.round(1e6 / options.fps());
        long slot = Math.max(previousSlot, timestampMicros - timestampMicros % period);
        return slot + period;
    }

    private Frame frame(TimedImage image, long sequence, Instant captured, FrameReader reader) {
        return Frame.newBuilder()
                .setCameraId(options.cameraId())
                .setSequence(sequence)
                .setCaptureTime(captured)
                .setWidth(image.image().width())
                .setHeight(image.image().height())
                .setEncoding(options.encoder().encoding())
                .setData(ByteBuffer.wrap(options.encoder().encode(image.image())))
                .setSource(reader.describe())
                .build();
    }

    private void checkFailure(AtomicReference<Exception> failure) {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException(
                    "frames of camera "
                            + options.cameraId()
                            + " were not accepted by topic "
                            + options.topic()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
