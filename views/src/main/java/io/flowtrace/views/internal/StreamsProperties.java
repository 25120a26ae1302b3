package io.flowtrace.views.internal;

import io.flowtrace.schema.Topics;
import io.flowtrace.views.ViewsConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the views service. */
public final class StreamsProperties {

    private StreamsProperties() {}

    /** Settings for an instance that other instances reach at {@code applicationServer}. */
    public static Properties of(ViewsConfig config, String applicationServer) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        // a restarted instance neither counts a record twice nor loses one from a window
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        // frames are up to the pipeline's largest record, and dead letters carry them whole
        p.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                Topics.MAX_RECORD_BYTES);
        p.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
                Topics.MAX_RECORD_BYTES);
        p.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Topics.MAX_RECORD_BYTES + 64 * 1024);
        return p;
    }
}
