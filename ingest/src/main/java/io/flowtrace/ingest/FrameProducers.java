package io.flowtrace.ingest;

import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer ingest uses: idempotent, all replicas acknowledge, room for large raw frames. */
public final class FrameProducers {

    private FrameProducers() {}

    /** An idempotent producer of frames keyed by camera id. */
    public static Producer<String, Frame> create(String bootstrapServers) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        Topics.MAX_RECORD_BYTES,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "flowtrace-ingest");
        return new KafkaProducer<>(
                config, new StringSerializer(), AvroSerde.of(Frame.class).serializer());
    }
}
