package io.flowtrace.views;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.schema.RecordCodec;
import io.flowtrace.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/** Topics, records in and out, and a started service, for the integration tests. */
final class ViewsTestSupport {

    private ViewsTestSupport() {}

    static void createTopics(EmbeddedKafka kafka, int partitions) {
        kafka.createTopics(
                partitions,
                Topics.TRACK_UPDATES,
                Topics.FLOW_RESULTS,
                Topics.FRAMES,
                Topics.TRACK_QUERIES);
        kafka.createTopics(1, Topics.MOTION_SUMMARIES, Topics.DEAD_LETTERS);
    }

    static ViewsConfigBuilder config(EmbeddedKafka kafka, Path state, String applicationId) {
        return ViewsConfig.defaults(kafka.bootstrapServers()).toBuilder()
                .applicationId(applicationId)
                .stateDir(state)
                .http("127.0.0.1", 0)
                .frameInterval(Duration.ZERO)
                .eventPeriod(Duration.ofMillis(100));
    }

    static void awaitRunning(ViewsService service) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> service.state() == KafkaStreams.State.RUNNING);
    }

    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> void send(
            EmbeddedKafka kafka, String topic, String key, T record) {
        byte[] bytes = RecordCodec.of((Class<T>) record.getClass()).encode(record);
        try (KafkaProducer<String, byte[]> p = rawProducer(kafka)) {
            p.send(new ProducerRecord<>(topic, key, bytes));
        }
    }

    static KafkaProducer<String, byte[]> rawProducer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** The first {@code n} committed records of {@code topic}, waiting up to 60 s. */
    static <T> List<T> read(EmbeddedKafka kafka, String topic, Deserializer<T> values, int n) {
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, T> c =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "reader-" + System.nanoTime(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        new StringDeserializer(),
                        values)) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < n && System.nanoTime() < end) {
                for (ConsumerRecord<String, T> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        if (out.size() < n) {
            throw new AssertionError("only " + out.size() + " of " + n + " records on " + topic);
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
