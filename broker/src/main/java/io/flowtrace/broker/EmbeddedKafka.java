package io.flowtrace.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, on free
 * loopback ports and a temporary log directory that {@link #close()} deletes. For the demo and
 * integration tests; a production deployment uses a real cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats a fresh log directory and starts the broker; returns once it accepts connections.
     *
     * @throws IllegalStateException when the storage cannot be formatted or the broker fails
     */
    public static EmbeddedKafka start() {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("flowtrace-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Kafka log directory", e);
        }
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties props = properties(logDir, brokerPort, controllerPort);
        format(props, logDir);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(server, logDir, bootstrap);
        kafka.awaitReady();
        LOG.info("embedded Kafka broker on {}", bootstrap);
        return kafka;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates {@code topics} with {@code partitions} partitions each, replication factor 1. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics =
                    Stream.of(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(newTopics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot create topics " + List.of(topics) + ": " + e.getCause(), e.getCause());
        }
    }

    /** An admin client on this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) bootstrapServers));
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(logDir);
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("embedded Kafka did not start: " + e.getCause(), e);
        }
    }

    private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://localhost:"
                        + brokerPort
                        + ",CONTROLLER://localhost:"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(17 * 1024 * 1024));
        // recorded clips keep their capture times, however old or (clock skew) new
        p.put("log.retention.ms", "-1");
        p.put("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static void format(Properties props, Path logDir) {
        Path config = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "flowtrace embedded Kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int rc;
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            rc =
                    kafka.tools.StorageTool.execute(
                            new String[] {
                                "format",
                                "-t",
                                clusterId,
                                "-c",
                                config.toString(),
                                "--ignore-formatted"
                            },
                            out);
        }
        if (rc != 0) {
            throw new IllegalStateException(
                    "cannot format Kafka storage in "
                            + logDir
                            + ": "
                            + log.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Kafka", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(EmbeddedKafka::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("cannot list {} for deletion", dir, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", p, e);
        }
    }
}
