package io.flowtrace.cli;

import io.flowtrace.cli.internal.Pacing;
import io.flowtrace.cli.internal.TrackProgress;
import io.flowtrace.replay.ReplayOptions;
import io.flowtrace.replay.ReplayRun;
import io.flowtrace.schema.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowtrace replay}: re-produces a recorded topic's range, byte for byte. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Re-produces the records of a recorded topic (all of it, from an offset, or a time"
                    + " range) into another topic with their keys, values and timestamps, in"
                    + " (timestamp, partition, offset) order: the same recording always gives the"
                    + " same output."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or no such topic; 1 Kafka refused."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "TOPIC", description = "recorded topic")
    private String from;

    @Option(
            names = "--to",
            paramLabel = "TOPIC",
            defaultValue = "frames",
            description = "topic to produce to; default: ${DEFAULT-VALUE}")
    private String to;

    @ArgGroup(exclusive = true)
    private Start start = new Start();

    @Option(
            names = "--end-time",
            paramLabel = "INSTANT",
            description = "stop before records of this time (ISO-8601, e.g. 2026-11-24T10:00:00Z)")
    private Instant endTime;

    @Option(
            names = "--speed",
            paramLabel = "S",
            defaultValue = "max",
            description = "realtime (keep recorded gaps) or max; default: ${DEFAULT-VALUE}")
    private String speed;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOSTS",
            defaultValue = "localhost:9092",
            description = "Kafka brokers; default: ${DEFAULT-VALUE}")
    private String bootstrapServers;

    /** Where to start: an offset in every partition, or a time. */
    static final class Start {
        @Option(names = "--start-offset", paramLabel = "N", description = "first offset")
        long offset = -1;

        @Option(names = "--start-time", paramLabel = "INSTANT", description = "first record time")
        Instant time;
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplayOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> consumerConfig =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        Topics.MAX_RECORD_BYTES);
        Map<String, Object> producerConfig =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        Topics.MAX_RECORD_BYTES);
        try (var consumer =
                        new KafkaConsumer<>(
                                consumerConfig,
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer());
                var producer =
                        new KafkaProducer<>(
                                producerConfig,
                                new ByteArraySerializer(),
                                new ByteArraySerializer());
                TrackProgress bar =
                        TrackProgress.start("replay " + from, -1, err, System.console() != null)) {
            long[] last = {0};
            long sent =
                    new ReplayRun(options, consumer, producer, Pacing::sleepUntil)
                            .run(
                                    n -> {
                                        bar.accept((int) (n - last[0]));
                                        last[0] = n;
                                    });
            spec.commandLine()
                    .getOut()
                    .printf(Locale.ROOT, "replayed %d records from %s to %s%n", sent, from, to);
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            err.println("flowtrace replay: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (KafkaException e) {
            err.println("flowtrace replay: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    private ReplayOptions options() {
        if (!speed.equals("max") && !speed.equals("realtime")) {
            throw new ParameterException(
                    spec.commandLine(), "--speed must be realtime or max, was '" + speed + "'");
        }
        try {
            return new ReplayOptions(
                    from, to, start.offset, start.time, endTime, speed.equals("realtime"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
