package io.flowtrace.views.internal;

import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.TrackQuery;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes the viewer's clicks as track queries, so the tracking job starts following them. */
public final class QueryPublisher implements AutoCloseable {

    private final Producer<String, TrackQuery> producer;
    private final String topic;

    public QueryPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.CLIENT_ID_CONFIG,
                                "flowtrace-views-queries"),
                        new StringSerializer(),
                        AvroSerde.of(TrackQuery.class).serializer());
    }

    /**
     * Adds a point at ({@code x}, {@code y}) of {@code camera}'s frame {@code frameSequence} (null:
     * the next frame) and returns the query once the broker has it.
     */
    public TrackQuery add(String camera, double x, double y, Long frameSequence) {
        byte[] id = new byte[4];
        ThreadLocalRandom.current().nextBytes(id);
        TrackQuery query =
                new TrackQuery(
                        camera,
                        "click-" + HexFormat.of().formatHex(id),
                        QueryAction.ADD,
                        frameSequence,
                        x,
                        y,
                        Instant.now());
        try {
            producer.send(new ProducerRecord<>(topic, camera, query)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing a query to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish a query to " + topic, e);
        }
        return query;
    }

    @Override
    public void close() {
        producer.close();
    }
}
