package io.flowtrace.cli.demo;

import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.cli.internal.Pacing;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.ingest.FrameProducers;
import io.flowtrace.ingest.IngestOptions;
import io.flowtrace.ingest.IngestRun;
import io.flowtrace.ingest.IngestSource;
import io.flowtrace.job.JobConfig;
import io.flowtrace.job.kafka.KafkaEndpoints;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.task.Query;
import io.flowtrace.views.ViewsConfig;
import io.flowtrace.views.ViewsService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The whole pipeline on one machine: an in-JVM Kafka broker, the tracking job on a local Flink
 * environment, generated cameras ingested in real time, and the output topics read back until every
 * pair of every camera has its result. Everything it starts, it stops.
 */
public final class StreamingDemo {

    /**
     * @param cameras the generated clips, by camera id, with their task folders
     * @param fps the rate frames are sent at
     * @param config the job's configuration
     * @param parallelism parallel instances of the job's operators
     * @param views also run the views service, and after the results keep the cameras going (their
     *     clips forth and back) until interrupted
     * @param timeout give up waiting for results after this long
     */
    public record Options(
            Map<String, DemoCamera> cameras,
            double fps,
            JobConfig config,
            int parallelism,
            boolean views,
            Duration timeout) {
        public Options {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
            }
            cameras = Map.copyOf(cameras);
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Options options;

    public StreamingDemo(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** What the demo tells its caller while it runs. */
    public interface Listener {
        /** The views service answers at {@code url}. */
        default void viewsStarted(URI url) {}

        /** Every pair's result is in (or the timeout passed). */
        default void resultsIn(DemoOutputs outputs) {}
    }

    /** Runs the demo and returns what the output topics held. */
    public DemoOutputs run() throws Exception {
        return run(new Listener() {});
    }

    /**
     * Runs the demo, telling {@code listener} as it goes, and returns what the output topics held.
     * With views it returns only once interrupted.
     */
    public DemoOutputs run(Listener listener) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, Topics.FRAMES, Topics.TRACK_QUERIES);
            kafka.createTopics(
                    1,
                    Topics.FLOW_RESULTS,
                    Topics.TRACK_UPDATES,
                    Topics.DEAD_LETTERS,
                    Topics.MOTION_SUMMARIES);
            Instant start = Instant.now();
            sendQueries(kafka, start.minusSeconds(1));
            JobClient job = startJob(kafka);
            try (ViewsService views = options.views() ? startViews(kafka) : null;
                    OutputReader reader = new OutputReader(kafka.bootstrapServers())) {
                if (views != null) {
                    listener.viewsStarted(views.url());
                }
                ingestAll(kafka);
                int expected =
                        options.cameras().values().stream().mapToInt(c -> c.frames() - 1).sum();
                DemoOutputs outputs = reader.readUntil(expected, options.timeout(), start);
                listener.resultsIn(outputs);
                if (views != null) {
                    new LoopingCameras(options.cameras(), loopFps(outputs))
                            .runUntilInterrupted(kafka.bootstrapServers());
                }
                return outputs;
            } finally {
                job.cancel().get();
            }
        }
    }

    /**
     * The rate the cameras go on at: four fifths of the pairs per second and camera the job kept up
     * with in the first pass, so the viewer stays near live; at most the demo's rate.
     */
    private double loopFps(DemoOutputs outputs) {
        List<DemoOutputs.Received> in = outputs.results();
        if (in.size() < 2) {
            return Math.min(options.fps(), 0.5);
        }
        double seconds =
                Duration.between(in.get(0).at(), in.get(in.size() - 1).at()).toMillis() / 1000.0;
        double perCamera = (in.size() - 1) / Math.max(seconds, 0.001) / options.cameras().size();
        return Math.min(options.fps(), Math.max(0.1, 0.8 * perCamera));
    }

    private ViewsService startViews(EmbeddedKafka kafka) throws java.io.IOException {
        return ViewsService.start(
                ViewsConfig.defaults(kafka.bootstrapServers()).toBuilder()
                        .applicationId("flowtrace-demo-views")
                        .stateDir(java.nio.file.Files.createTempDirectory("flowtrace-views-"))
                        .http("127.0.0.1", 0)
                        .build());
    }

    private JobClient startJob(EmbeddedKafka kafka) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(options.parallelism());
        env.enableCheckpointing(1000);
        KafkaEndpoints io = new KafkaEndpoints(kafka.bootstrapServers(), "flowtrace-demo", false);
        io.trackingJob(options.config()).attach(env);
        return env.executeAsync("flowtrace-demo");
    }

    private void sendQueries(EmbeddedKafka kafka, Instant issuedAt) {
        try (KafkaProducer<String, TrackQuery> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        AvroSerde.of(TrackQuery.class).serializer())) {
            options.cameras()
                    .forEach(
                            (camera, c) -> {
                                for (Query q : c.queries()) {
                                    producer.send(
                                            new ProducerRecord<>(
                                                    Topics.TRACK_QUERIES,
                                                    camera,
                                                    new TrackQuery(
                                                            camera,
                                                            String.valueOf(q.id()),
                                                            QueryAction.ADD,
                                                            (long) q.t(),
                                                            q.x(),
                                                            q.y(),
                                                            issuedAt)));
                                }
                            });
        }
    }

    /** Sends every camera's frames at the demo's rate, all cameras at once. */
    private void ingestAll(EmbeddedKafka kafka) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.cameras().size());
        try (Producer<String, Frame> producer = FrameProducers.create(kafka.bootstrapServers())) {
            List<Future<?>> running = new ArrayList<>();
            options.cameras()
                    .forEach(
                            (camera, c) ->
                                    running.add(
                                            pool.submit(
                                                    () -> {
                                                        ingest(camera, c, producer);
                                                        return null;
                                                    })));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void ingest(String camera, DemoCamera c, Producer<String, Frame> producer)
            throws InterruptedException {
        IngestOptions ingest =
                new IngestOptions(
                        new IngestSource.FrameDirectory(c.task().resolve("frames"), options.fps()),
                        camera,
                        Topics.FRAMES,
                        0,
                        true,
                        new FrameEncoder(FrameEncoding.JPEG, 0.95f),
                        0,
                        0);
        new IngestRun(ingest, producer, Clock.systemUTC(), Pacing::sleepUntil).run(sent -> {});
    }
}
