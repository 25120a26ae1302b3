package io.flowtrace.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static Frame frame(String camera, long sequence) {
        return Frame.newBuilder()
                .setCameraId(camera)
                .setSequence(sequence)
                .setCaptureTime(Instant.ofEpochMilli(1_000 * sequence))
                .setWidth(2)
                .setHeight(1)
                .setEncoding(FrameEncoding.RGB24)
                .setData(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6}))
                .build();
    }

    @Test
    void carriesAvroFramesFromProducerToConsumerInOrderPerCamera() {
        kafka.createTopics(2, "frames-roundtrip");
        AvroSerde<Frame> serde = AvroSerde.of(Frame.class);
        Map<String, Object> producerConfig =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true);
        try (KafkaProducer<String, Frame> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), serde.serializer())) {
            for (long seq = 0; seq < 5; seq++) {
                producer.send(
                        new ProducerRecord<>("frames-roundtrip", "cam-a", frame("cam-a", seq)));
                producer.send(
                        new ProducerRecord<>("frames-roundtrip", "cam-b", frame("cam-b", seq)));
            }
        }

        List<Frame> received = new ArrayList<>();
        Map<String, Object> consumerConfig =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, Frame> consumer =
                new KafkaConsumer<>(
                        consumerConfig, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of("frames-roundtrip"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < 10 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Frame> r : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo(r.value().getCameraId());
                    received.add(r.value());
                }
            }
        }

        assertThat(received).hasSize(10);
        assertThat(received.stream().filter(f -> f.getCameraId().equals("cam-a")))
                .extracting(Frame::getSequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(received).contains(frame("cam-b", 3));
    }
}
