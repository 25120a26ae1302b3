package io.flowtrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.frames.ImageWriting;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRunTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir Path dir;

    private Path frames(int count) {
        Path folder = dir.resolve("frames");
        for (int i = 0; i < count; i++) {
            byte[] rgb = new byte[8 * 6 * 3];
            java.util.Arrays.fill(rgb, (byte) (20 * i));
            ImageWriting.writePng(
                    new RgbImage(8, 6, rgb), folder.resolve(String.format("%03d.png", i)));
        }
        return folder;
    }

    private static MockProducer<String, Frame> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, f) -> new byte[0]);
    }

    private static IngestOptions options(IngestSource source, boolean realtime, long max) {
        return new IngestOptions(
                source,
                "cam-7",
                "frames",
                0,
                realtime,
                new FrameEncoder(FrameEncoding.PNG, 0.9f),
                100,
                max);
    }

    @Test
    void stampsSequenceNumbersAndCaptureTimesFromTheFolderRate() throws Exception {
        MockProducer<String, Frame> producer = producer();
        IngestRun run =
                new IngestRun(
                        options(new IngestSource.FrameDirectory(frames(3), 4), false, 0),
                        producer,
                        Clock.fixed(START, ZoneOffset.UTC),
                        when -> {});

        IngestSummary summary = run.run(sent -> {});

        List<ProducerRecord<String, Frame>> sent = producer.history();
        assertThat(summary.sent()).isEqualTo(3);
        assertThat(sent).extracting(ProducerRecord::key).containsOnly("cam-7");
        assertThat(sent).extracting(r -> r.value().getSequence()).containsExactly(100L, 101L, 102L);
        // 4 frames per second: 0, 250 and 500 ms after the start
        assertThat(sent)
                .extracting(r -> r.value().getCaptureTime())
                .containsExactly(START, START.plusMillis(250), START.plusMillis(500));
        assertThat(sent.get(1).value().getWidth()).isEqualTo(8);
        assertThat(sent.get(1).value().getEncoding()).isEqualTo(FrameEncoding.PNG);
        assertThat(sent.get(1).value().getSource()).endsWith("frames");
    }

    @Test
    void pacesStoredSourcesAtTheirOwnSpeedWhenRealtime() throws Exception {
        List<Instant> waits = new ArrayList<>();
        IngestRun run =
                new IngestRun(
                        options(new IngestSource.FrameDirectory(frames(3), 2), true, 0),
                        producer(),
                        Clock.fixed(START, ZoneOffset.UTC),
                        waits::add);

        run.run(sent -> {});

        assertThat(waits).containsExactly(START, START.plusMillis(500), START.plusMillis(1000));
    }

    @Test
    void stopsAfterTheFrameLimit() throws Exception {
        MockProducer<String, Frame> producer = producer();
        IngestRun run =
                new IngestRun(
                        options(new IngestSource.FrameDirectory(frames(4), 10), false, 2),
                        producer,
                        Clock.fixed(START, ZoneOffset.UTC),
                        when -> {});

        assertThat(run.run(sent -> {}).sent()).isEqualTo(2);
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void failsNamingTheCameraAndTopicWhenTheBrokerRefusesAFrame() {
        MockProducer<String, Frame> producer =
                new MockProducer<>(false, null, new StringSerializer(), (topic, f) -> new byte[0]);
        IngestRun run =
                new IngestRun(
                        options(new IngestSource.FrameDirectory(frames(2), 10), true, 0),
                        producer,
                        Clock.fixed(START, ZoneOffset.UTC),
                        // fails the frame sent before each wait: the first one
                        when -> producer.errorNext(new KafkaException("record too large")));

        assertThatThrownBy(() -> run.run(sent -> {}))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("cam-7")
                .hasMessageContaining("frames")
                .hasMessageContaining("record too large");
    }
}
