package io.flowtrace.job;

import io.flowtrace.tracer.Preset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.util.ParameterTool;

/**
 * The tracking job's command line, parsed once: where Kafka is, the model, the recipe, and every
 * setting of the job, each a {@code --name value} option with a default. {@code flowtrace job} and
 * the job jar's {@link TrackingJobMain} read the same options through this class.
 *
 * @param bootstrapServers Kafka brokers
 * @param groupId consumer group and transaction prefix
 * @param bounded read the input topics to their end as it is at start, then finish
 * @param parallelism the job's parallelism
 * @param checkpointMillis checkpoint interval; checkpoints commit the output transactions
 * @param config every setting of the job's functions
 */
public record JobOptions(
        String bootstrapServers,
        String groupId,
        boolean bounded,
        int parallelism,
        long checkpointMillis,
        JobConfig config) {

    /** One option: its name, its value's label, its default ({@code null}: a switch) and help. */
    private record Flag(String name, String label, String defaultValue, String help) {}

    private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();

    /** What {@link ParameterTool} holds for an option given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static void flag(String name, String label, String defaultValue, String help) {
        FLAGS.put(name, new Flag(name, label, defaultValue, help));
    }

    static {
        flag("bootstrap-servers", "HOSTS", "localhost:9092", "Kafka brokers");
        flag("group-id", "ID", "flowtrace-tracking", "consumer group and transaction prefix");
        flag("bounded", null, null, "read the input topics to their end as it is now, then finish");
        flag("parallelism", "N", "2", "parallel instances of every operator");
        flag(
                "checkpoint-interval",
                "MS",
                "1000",
                "checkpoints commit the output transactions: results are readable after the next");
        flag(
                "model",
                "MODEL",
                ModelSpec.REFERENCE,
                "reference (in process), grpc://host:port or grpcs://host:port (TLS): a KServe v2"
                        + " server serving lras_kl_probe");
        flag("model-deadline", "SECONDS", "60", "deadline of each call to the model server");
        flag("model-in-flight", "N", "4", "model calls in flight at once");
        flag(
                "model-attempts",
                "N",
                "4",
                "attempts per call when the server is unavailable or overloaded");
        flag(
                "model-batch-wait",
                "MS",
                "0",
                "coalesce concurrent probe requests for up to MS into batches of the server's"
                        + " batch size; 0 = off");
        flag("tls-ca", "FILE", "", "PEM CA of the server (grpcs)");
        flag("tls-cert", "FILE", "", "PEM client certificate, for mutual TLS");
        flag("tls-key", "FILE", "", "PEM PKCS#8 client key");
        flag("preset", "NAME", "default", "recipe: default, paper, fast or efficient");
        flag(
                "live-max-lag",
                "SECONDS",
                "0",
                "live mode: a camera's newer pair supersedes the waiting one, and a pair that"
                        + " waited longer than this for its turn is skipped; 0 = complete mode");
        flag(
                "reanchor-after",
                "FRAMES",
                "1",
                "re-anchor a point on a confident sighting at least this many frames after its"
                        + " anchor frame; 0 = always track from the query's frame");
        flag("grid", "PX", "0", "seed a grid of points this far apart on cameras nobody queried");
        flag(
                "corners",
                "PX",
                "0",
                "seed the image corners (Shi-Tomasi) of cameras nobody queried: as many as a grid"
                        + " of PX would hold, at least PX/2 apart");
        flag(
                "cameras-in-flight",
                "N",
                "4",
                "cameras tracked at once per parallel instance (one pair each); raise it to keep a"
                        + " GPU server busy");
        flag(
                "tracking-threads",
                "N",
                "2",
                "threads per parallel instance that run the tracker (each waits on its model"
                        + " calls)");
        flag(
                "pair-timeout",
                "SECONDS",
                "60",
                "a pair not tracked within this is published as TIMED_OUT; the default recipe"
                        + " with many points on one GPU needs more");
        flag(
                "lateness",
                "MS",
                "500",
                "how far out of capture-time order frames may arrive and still be paired in order;"
                        + " every frame waits this long before it is paired");
        flag(
                "quiet-time",
                "MS",
                "1000",
                "after this long without frames from a partition its watermark moves up to its"
                        + " newest frame, so a paused camera's last frames are tracked");
    }

    /** True when {@code args} ask for the usage text ({@code --help} or {@code -h}). */
    public static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses {@code args}; every option not given takes its default.
     *
     * @throws IllegalArgumentException naming the unknown option, or the option and its bad value
     */
    public static JobOptions parse(String[] args) {
        ParameterTool p;
        try {
            p = ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(p.toMap().keySet());
        unknown.removeAll(FLAGS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option"
                            + (unknown.size() > 1 ? "s" : "")
                            + " --"
                            + String.join(", --", unknown));
        }
        Values v = new Values(p);
        int parallelism = v.integer("parallelism", 1);
        long checkpointMillis = v.integer("checkpoint-interval", 10);
        int grid = v.integer("grid", 0);
        int corners = v.integer("corners", 0);
        if (grid > 0 && corners > 0) {
            throw new IllegalArgumentException(
                    "--grid and --corners seed points; give one, not both");
        }
        Duration lateness = Duration.ofMillis(v.integer("lateness", 1));
        Duration quiet = Duration.ofMillis(v.integer("quiet-time", 1));
        double lagSeconds = v.number("live-max-lag", 0);
        Duration lag = Duration.ofMillis(Math.round(lagSeconds * 1000));
        if (!lag.isZero() && lag.compareTo(lateness.multipliedBy(2)) < 0) {
            // the lag counts from a frame's arrival, and a frame waits the lateness before it is
            // paired: a limit this short would skip nearly every pair
            throw new IllegalArgumentException(
                    "--live-max-lag must be 0 (complete mode) or at least twice --lateness ("
                            + lateness.multipliedBy(2).toMillis()
                            + " ms), was "
                            + lagSeconds);
        }
        Preset preset;
        try {
            preset = Preset.parse(v.text("preset"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--preset: " + e.getMessage(), e);
        }
        ModelSpec model;
        try {
            model =
                    new ModelSpec(
                            v.text("model"),
                            v.number("model-deadline", 0),
                            v.integer("model-in-flight", 1),
                            v.integer("model-attempts", 1),
                            v.number("model-batch-wait", 0),
                            v.file("tls-ca"),
                            v.file("tls-cert"),
                            v.file("tls-key"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid model: " + e.getMessage(), e);
        }
        JobConfig defaults = JobConfig.defaults();
        QueryConfig queries =
                grid > 0
                        ? defaults.queries().withGrid(grid)
                        : corners > 0
                                ? defaults.queries().withCorners(corners)
                                : defaults.queries();
        TracingConfig tracing =
                defaults.tracing()
                        .withModel(model)
                        .withRecipe(preset.config())
                        .withReanchorAfter(v.integer("reanchor-after", 0))
                        .withCapacity(v.integer("cameras-in-flight", 1))
                        .withThreads(v.integer("tracking-threads", 1))
                        .withTimeout(
                                Duration.ofMillis(Math.round(v.positive("pair-timeout") * 1000)))
                        .withLiveMaxLag(lag);
        JobConfig config =
                defaults.withWatermarks(new WatermarkConfig(lateness, quiet))
                        .withQueries(queries)
                        .withTracing(tracing);
        return new JobOptions(
                v.text("bootstrap-servers"),
                v.text("group-id"),
                p.has("bounded"),
                parallelism,
                checkpointMillis,
                config);
    }

    /** The options, their defaults and what they do, for {@code --help}. */
    public static String usage() {
        List<String> lines = new ArrayList<>();
        lines.add("Options (each --name value; defaults in brackets):");
        for (Flag f : FLAGS.values()) {
            String head = "  --" + f.name() + (f.label() == null ? "" : " " + f.label());
            String dflt =
                    f.defaultValue() == null || f.defaultValue().isEmpty()
                            ? ""
                            : " [" + f.defaultValue() + "]";
            lines.add(String.format(Locale.ROOT, "%-32s %s%s", head, f.help(), dflt));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** Reads option values by name, with the table's defaults, naming the option on bad input. */
    private record Values(ParameterTool p) {

        String text(String name) {
            String value = p.get(name, FLAGS.get(name).defaultValue());
            if (value == null || value.equals(NO_VALUE)) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            return value;
        }

        String file(String name) {
            String value = p.get(name, "");
            if (value.equals(NO_VALUE)) {
                throw new IllegalArgumentException("--" + name + " needs a file");
            }
            return value.isEmpty() ? null : value;
        }

        int integer(String name, int min) {
            String text = text(name);
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--" + name + " must be a whole number, was '" + text + "'", e);
            }
            if (value < min) {
                throw new IllegalArgumentException(
                        "--" + name + " must be at least " + min + ", was " + value);
            }
            return value;
        }

        double number(String name, double min) {
            String text = text(name);
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--" + name + " must be a number, was '" + text + "'", e);
            }
            if (!(value >= min) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(
                        "--" + name + " must be a number >= " + min + ", was " + text);
            }
            return value;
        }

        double positive(String name) {
            double value = number(name, 0);
            if (value == 0) {
                throw new IllegalArgumentException("--" + name + " must be positive, was 0");
            }
            return value;
        }
    }
}
