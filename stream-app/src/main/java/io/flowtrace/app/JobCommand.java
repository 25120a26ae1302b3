package io.flowtrace.app;

import io.flowtrace.app.internal.ModelOptions;
import io.flowtrace.app.internal.Preset;
import io.flowtrace.app.job.JobConfig;
import io.flowtrace.app.job.ModelProvider;
import io.flowtrace.app.job.TrackingJob;
import io.flowtrace.app.job.kafka.KafkaEndpoints;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace job}: runs the tracking job against a Kafka cluster, on a local Flink
 * environment or, submitted with {@code flink run}, on the cluster that runs it.
 */
@Command(
        name = "job",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs the tracking job: frames and track-queries in; flow-results, track-updates and"
                    + " dead-letters out (exactly once)."
        })
public final class JobCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOSTS",
            defaultValue = "localhost:9092",
            description = "Kafka brokers; default: ${DEFAULT-VALUE}")
    private String bootstrapServers;

    @Option(
            names = "--group-id",
            paramLabel = "ID",
            defaultValue = "flowtrace-tracking",
            description = "consumer group and transaction prefix; default: ${DEFAULT-VALUE}")
    private String groupId;

    @Mixin private ModelOptions model = new ModelOptions();

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "default",
            converter = Preset.Converter.class,
            description = "recipe: default, paper, fast or efficient; default: ${DEFAULT-VALUE}")
    private Preset preset;

    @Option(
            names = "--live-max-lag",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "live mode: skip pairs that waited longer; 0 = complete mode (default)")
    private double liveMaxLagSeconds;

    @Option(
            names = "--reanchor-after",
            paramLabel = "FRAMES",
            defaultValue = "1",
            description =
                    "re-anchor a point on a confident sighting at least this many frames after"
                            + " its anchor frame; 0 = always track from the query's frame;"
                            + " default: ${DEFAULT-VALUE}")
    private int reanchorAfter;

    @Option(
            names = "--grid",
            paramLabel = "PX",
            defaultValue = "0",
            description = "seed a grid of points this far apart on cameras nobody queried; 0 = off")
    private int grid;

    @Option(
            names = "--corners",
            paramLabel = "PX",
            defaultValue = "0",
            description =
                    "seed the image corners (Shi-Tomasi) of cameras nobody queried: as many as a"
                            + " grid of PX would hold, at least PX/2 apart; 0 = off")
    private int corners;

    @Option(
            names = "--cameras-in-flight",
            paramLabel = "N",
            defaultValue = "4",
            description =
                    "cameras tracked at once per parallel instance (one pair each); raise it to"
                            + " keep a GPU server busy; default: ${DEFAULT-VALUE}")
    private int camerasInFlight;

    @Option(
            names = "--tracking-threads",
            paramLabel = "N",
            defaultValue = "2",
            description =
                    "threads per parallel instance that run the tracker (each waits on its model"
                            + " calls); default: ${DEFAULT-VALUE}")
    private int trackingThreads;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "2",
            description = "default: ${DEFAULT-VALUE}")
    private int parallelism;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "MS",
            defaultValue = "1000",
            description = "checkpoints commit the output transactions; default: ${DEFAULT-VALUE}")
    private long checkpointMillis;

    @Option(
            names = "--bounded",
            description = "read the input topics to their end as it is now, then finish")
    private boolean bounded;

    @Override
    public Integer call() throws Exception {
        if (liveMaxLagSeconds > 0 && liveMaxLagSeconds < 1) {
            // the lag counts from a frame's arrival, and frames wait up to the 0.5 s reordering
            // bound before they are paired: a shorter limit would skip every pair
            throw new ParameterException(
                    spec.commandLine(),
                    "--live-max-lag must be 0 (complete mode) or at least 1 s, was "
                            + liveMaxLagSeconds);
        }
        if (parallelism < 1
                || checkpointMillis < 10
                || grid < 0
                || corners < 0
                || (grid > 0 && corners > 0)
                || reanchorAfter < 0
                || camerasInFlight < 1
                || trackingThreads < 1
                || !(liveMaxLagSeconds >= 0)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "need --parallelism >= 1, --checkpoint-interval >= 10, --grid >= 0 or"
                            + " --corners >= 0 (not both), --reanchor-after >= 0,"
                            + " --cameras-in-flight and --tracking-threads >= 1, and"
                            + " --live-max-lag >= 0");
        }
        ModelProvider provider = provider();
        Preset recipe = preset;
        JobConfig defaults = JobConfig.defaults();
        JobConfig config =
                new JobConfig(
                        defaults.pairing(),
                        grid > 0
                                ? defaults.queries().withGrid(grid)
                                : corners > 0
                                        ? defaults.queries().withCorners(corners)
                                        : defaults.queries(),
                        defaults.tracing()
                                .withModel(provider)
                                .withRecipe(recipe::config)
                                .withReanchorAfter(reanchorAfter)
                                .withCapacity(camerasInFlight)
                                .withThreads(trackingThreads)
                                .withLiveMaxLag(
                                        Duration.ofMillis(Math.round(liveMaxLagSeconds * 1000))),
                        defaults.tracks());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointMillis);
        KafkaEndpoints kafka = new KafkaEndpoints(bootstrapServers, groupId, bounded);
        new TrackingJob(
                        kafka.frames(),
                        kafka.queries(),
                        kafka.flowResults(),
                        kafka.trackUpdates(),
                        kafka.deadLetters(),
                        config,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1))
                .attach(env);
        env.execute("flowtrace-tracking");
        return ExitCode.OK;
    }

    private ModelProvider provider() {
        try {
            return model.provider();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid model: " + e.getMessage(), e);
        }
    }
}
