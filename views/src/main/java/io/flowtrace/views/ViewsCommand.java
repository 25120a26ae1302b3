package io.flowtrace.views;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace views}, and the service's own entry point: runs one instance of the views
 * service until it is stopped (Ctrl-C, SIGTERM) or its Kafka Streams application fails.
 */
@Command(
        name = "views",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the views service: keeps every camera's tracks, trails and motion summaries from"
                    + " the tracking job's topics, writes closed summaries to motion-summaries, and"
                    + " serves them over HTTP with a live viewer at /."
        },
        footer = {"", "Exit codes: 0 stopped; 1 the Kafka Streams application failed."})
public final class ViewsCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOSTS",
            defaultValue = "localhost:9092",
            description = "Kafka brokers; default: ${DEFAULT-VALUE}")
    private String bootstrapServers;

    @Option(
            names = "--application-id",
            paramLabel = "ID",
            defaultValue = "flowtrace-views",
            description = "instances with one id share the partitions; default: ${DEFAULT-VALUE}")
    private String applicationId;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "local state; default: flowtrace-views in the temporary folder")
    private Path stateDir;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "HTTP address to bind; default: ${DEFAULT-VALUE}")
    private String host;

    @Option(
            names = "--port",
            defaultValue = "8070",
            description = "HTTP port, 0 for any free one; default: ${DEFAULT-VALUE}")
    private int port;

    @Option(
            names = "--advertised-host",
            paramLabel = "HOST",
            description = "where other instances reach this one; default: --host")
    private String advertisedHost;

    @Option(
            names = "--trail",
            paramLabel = "N",
            defaultValue = "32",
            description = "positions kept per track; default: ${DEFAULT-VALUE}")
    private int trail;

    @Option(
            names = "--window",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "motion summary window; default: ${DEFAULT-VALUE}")
    private double windowSeconds;

    @Option(
            names = "--grace",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description =
                    "records counted this long after a window's end; default: ${DEFAULT-VALUE}")
    private double graceSeconds;

    @Option(
            names = "--track-ttl",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "drop tracks not updated for this long; default: ${DEFAULT-VALUE}")
    private double ttlSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ViewsCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ViewsConfig config = config();
        try (ViewsService service = ViewsService.start(config)) {
            spec.commandLine().getOut().println("views: " + service.url());
            spec.commandLine().getOut().flush();
            Thread hook = new Thread(service::close, "flowtrace-views-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            service.awaitTermination();
            boolean failed = service.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
            return failed ? ExitCode.SOFTWARE : ExitCode.OK;
        }
    }

    private ViewsConfig config() {
        try {
            ViewsConfigBuilder b =
                    ViewsConfig.defaults(bootstrapServers).toBuilder()
                            .applicationId(applicationId)
                            .http(host, port)
                            .trailLength(trail)
                            .summaryWindow(seconds(windowSeconds), seconds(graceSeconds))
                            .trackTtl(seconds(ttlSeconds));
            if (stateDir != null) {
                b.stateDir(stateDir);
            }
            if (advertisedHost != null) {
                b.advertisedHost(advertisedHost);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static Duration seconds(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("not a number of seconds: " + s);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
