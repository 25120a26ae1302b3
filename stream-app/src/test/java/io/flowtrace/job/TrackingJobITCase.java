package io.flowtrace.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.broker.EmbeddedKafka;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.GrpcProbeModel;
import io.flowtrace.inference.grpc.GrpcTarget;
import io.flowtrace.ingest.FrameProducers;
import io.flowtrace.ingest.IngestOptions;
import io.flowtrace.ingest.IngestRun;
import io.flowtrace.ingest.IngestSource;
import io.flowtrace.job.kafka.KafkaEndpoints;
import io.flowtrace.model.ReferenceModel;
import io.flowtrace.model.server.ModelServer;
import io.flowtrace.model.server.ModelServerConfig;
import io.flowtrace.schema.AvroSerde;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.tracer.TracerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking job end to end: generated clips ingested into a real (embedded) Kafka broker, the
 * job on a Flink MiniCluster, KL-tracing over gRPC against the embedded model server.
 */
class TrackingJobITCase {

    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
    private static final int FRAMES = 5;

    private EmbeddedKafka kafka;
    private static ModelServer server;

    @TempDir Path dir;

    @BeforeAll
    static void startModelServer() {
        server =
                ModelServer.start(
                        ModelServerConfig.plaintext(0).withHost("127.0.0.1"), new ReferenceModel());
    }

    @AfterAll
    static void stopModelServer() {
        server.close();
    }

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, Topics.FRAMES, Topics.TRACK_QUERIES);
        kafka.createTopics(1, Topics.FLOW_RESULTS, Topics.TRACK_UPDATES, Topics.DEAD_LETTERS);
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    private static SyntheticClip clip(long seed) {
        return SyntheticClip.generate(
                SceneSpec.builder()
                        .size(96, 96)
                        .frames(FRAMES)
                        .layers(2)
                        .maxSpeed(2)
                        .queries(5)
                        .seed(seed)
                        .build());
    }

    @Test
    void tracksEveryPairOfEveryCameraOnceAndDeadLettersGarbage() throws Exception {
        Map<String, SyntheticClip> clips = Map.of("cam-1", clip(71), "cam-2", clip(72));
        for (var e : clips.entrySet()) {
            sendQueries(e.getKey(), e.getValue());
            ingest(e.getKey(), e.getValue());
        }
        sendGarbage();

        runJob(grpcModel(), false);

        List<FlowResult> results = read(Topics.FLOW_RESULTS, FlowResult.class, 2 * (FRAMES - 1));
        List<TrackUpdate> updates =
                read(Topics.TRACK_UPDATES, TrackUpdate.class, 2 * 5 * (FRAMES - 1));
        List<DeadLetter> letters = read(Topics.DEAD_LETTERS, DeadLetter.class, 1);
        for (String camera : clips.keySet()) {
            List<FlowResult> mine =
                    results.stream().filter(r -> r.getCameraId().equals(camera)).toList();
            assertThat(mine)
                    .as("one result per pair of " + camera)
                    .extracting(r -> r.getFromSequence() + ">" + r.getToSequence())
                    .containsExactly("0>1", "1>2", "2>3", "3>4");
            assertThat(mine)
                    .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(PairStatus.TRACKED));
            assertThat(mine).allSatisfy(r -> assertThat(r.getPoints()).hasSize(5));
            assertThat(positions(camera, updates))
                    .as("the job's tracks are the engine's, from each point's anchor")
                    .isEqualTo(engine(clips.get(camera), new AtomicInteger()));
            double error = meanError(clips.get(camera), camera, updates);
            assertThat(error).as("mean error of " + camera + " in px").isLessThan(3.0);
        }
        assertThat(letters)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
                            assertThat(d.getSourceTopic()).isEqualTo(Topics.FRAMES);
                            assertThat(d.getOffset()).isGreaterThanOrEqualTo(0);
                        });
    }

    @Test
    void recoversFromACrashWithExactlyOneResultPerPairAndTheSameTracks() throws Exception {
        Map<String, SyntheticClip> clips = Map.of("cam-1", clip(73), "cam-2", clip(74));
        AtomicInteger probes = new AtomicInteger();
        Map<String, Map<String, String>> expected = new java.util.TreeMap<>();
        clips.forEach((camera, clip) -> expected.put(camera, engine(clip, probes)));
        for (var e : clips.entrySet()) {
            sendQueries(e.getKey(), e.getValue());
            ingest(e.getKey(), e.getValue());
        }

        // the task fails half way through; the job restarts from its last checkpoint
        runJob(FakeProbeModels.crashingOnce(probes.get() / 2), true);

        assertThat(FakeProbeModels.crashed()).as("the model crashed").isTrue();
        List<FlowResult> results = read(Topics.FLOW_RESULTS, FlowResult.class, 2 * (FRAMES - 1));
        List<TrackUpdate> updates =
                read(Topics.TRACK_UPDATES, TrackUpdate.class, 2 * 5 * (FRAMES - 1));
        for (String camera : clips.keySet()) {
            assertThat(results.stream().filter(r -> r.getCameraId().equals(camera)))
                    .as("exactly one committed result per pair of " + camera)
                    .extracting(r -> r.getFromSequence() + ">" + r.getToSequence())
                    .containsExactly("0>1", "1>2", "2>3", "3>4");
            assertThat(updates.stream().filter(u -> u.getCameraId().equals(camera)))
                    .as("exactly one committed update per point and frame")
                    .hasSize(5 * (FRAMES - 1));
            assertThat(positions(camera, updates))
                    .as("restored anchors: the same tracks as without the crash")
                    .isEqualTo(expected.get(camera));
        }
        assertThat(read(Topics.DEAD_LETTERS, DeadLetter.class, 0)).isEmpty();
    }

    private static TracerConfig recipe() {
        return TracerConfig.defaults().withMasks(2).withZoomIterations(1);
    }

    /** "point@frame" to "x,y" of the camera's updates. */
    private static Map<String, String> positions(String camera, List<TrackUpdate> updates) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (TrackUpdate u : updates) {
            if (u.getCameraId().equals(camera)) {
                out.put(u.getPointId() + "@" + u.getSequence(), u.getX() + "," + u.getY());
            }
        }
        return out;
    }

    /**
     * The same, from the engine run in process on the clip's frames the way the job tracks: each
     * point straight from its anchor frame, re-anchored wherever it is seen, points grouped by
     * anchor frame in id order.
     */
    private static Map<String, String> engine(SyntheticClip clip, AtomicInteger probes) {
        Map<String, String> out = new java.util.TreeMap<>();
        Map<String, double[]> anchors = new java.util.TreeMap<>(); // id -> frame, x, y
        for (var q : clip.queries()) {
            anchors.put(String.valueOf(q.id()), new double[] {0, q.x(), q.y()});
        }
        io.flowtrace.tracer.KlTracer tracer =
                new io.flowtrace.tracer.KlTracer(
                        FakeProbeModels.counting(new ReferenceModel(), probes), recipe());
        for (int t = 1; t < FRAMES; t++) {
            Map<Integer, List<String>> groups = new java.util.LinkedHashMap<>();
            anchors.forEach(
                    (id, a) ->
                            groups.computeIfAbsent((int) a[0], f -> new java.util.ArrayList<>())
                                    .add(id));
            Map<String, double[]> next = new java.util.TreeMap<>(anchors);
            for (var group : groups.entrySet()) {
                List<io.flowtrace.tracer.Point> points =
                        group.getValue().stream()
                                .map(
                                        id ->
                                                new io.flowtrace.tracer.Point(
                                                        anchors.get(id)[1], anchors.get(id)[2]))
                                .toList();
                List<io.flowtrace.tracer.PointEstimate> estimates =
                        tracer.track(
                                clip.frames().get(group.getKey()), clip.frames().get(t), points);
                for (int i = 0; i < points.size(); i++) {
                    io.flowtrace.tracer.PointEstimate e = estimates.get(i);
                    String id = group.getValue().get(i);
                    out.put(id + "@" + t, e.position().x() + "," + e.position().y());
                    if (e.visible()) {
                        next.put(id, new double[] {t, e.position().x(), e.position().y()});
                    }
                }
            }
            anchors.putAll(next);
        }
        return out;
    }

    /** Mean distance, in pixels, between updates and the truth over visible ground truth. */
    private static double meanError(SyntheticClip clip, String camera, List<TrackUpdate> updates) {
        double sum = 0;
        int n = 0;
        for (TrackPoint truth : clip.groundTruth()) {
            if (!truth.visible()) {
                continue;
            }
            TrackUpdate u =
                    updates.stream()
                            .filter(x -> x.getCameraId().equals(camera))
                            .filter(x -> x.getPointId().equals(String.valueOf(truth.id())))
                            .filter(x -> x.getSequence() == truth.t())
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "no update for "
                                                            + camera
                                                            + " point "
                                                            + truth.id()
                                                            + " frame "
                                                            + truth.t()));
            sum += Math.hypot(u.getX() - truth.x(), u.getY() - truth.y());
            n++;
        }
        return sum / n;
    }

    private void sendQueries(String camera, SyntheticClip clip) {
        try (KafkaProducer<String, TrackQuery> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        AvroSerde.of(TrackQuery.class).serializer())) {
            for (Query q : clip.queries()) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.TRACK_QUERIES,
                                camera,
                                new TrackQuery(
                                        camera,
                                        String.valueOf(q.id()),
                                        QueryAction.ADD,
                                        0L,
                                        q.x(),
                                        q.y(),
                                        T0.minusSeconds(1))));
            }
        }
    }

    private void ingest(String camera, SyntheticClip clip) throws Exception {
        Path task = dir.resolve(camera);
        clip.writeTask(task);
        IngestOptions options =
                new IngestOptions(
                        new IngestSource.FrameDirectory(task.resolve("frames"), 10),
                        camera,
                        Topics.FRAMES,
                        0,
                        false,
                        new FrameEncoder(FrameEncoding.PNG, 0.9f),
                        0,
                        0);
        try (Producer<String, io.flowtrace.schema.Frame> producer =
                FrameProducers.create(kafka.bootstrapServers())) {
            new IngestRun(options, producer, Clock.fixed(T0, ZoneOffset.UTC), when -> {})
                    .run(sent -> {});
        }
    }

    private void sendGarbage() {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                    new ProducerRecord<>(Topics.FRAMES, "cam-1".getBytes(), "not avro".getBytes()));
        }
    }

    private static ModelProvider grpcModel() {
        int port = server.port();
        return () ->
                GrpcProbeModel.connect(
                        GrpcClientConfig.builder(GrpcTarget.parse("grpc://127.0.0.1:" + port))
                                .build());
    }

    private void runJob(ModelProvider model, boolean restarts) throws Exception {
        JobConfig config = JobConfig.defaults();
        config = config.withTracing(config.tracing().withModel(model).withRecipe(recipe()));
        KafkaEndpoints kafkaIo = new KafkaEndpoints(kafka.bootstrapServers(), "it-tracking", true);
        Configuration conf = new Configuration();
        if (restarts) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(200));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(restarts ? 300 : 500);
        kafkaIo.trackingJob(config).attach(env);
        env.execute("tracking-it");
    }

    private <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int atLeast) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-read-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed");
        List<T> out = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), AvroSerde.of(type).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(r.value()));
        }
        return out;
    }
}
