package io.flowtrace.job;

import io.flowtrace.job.kafka.KafkaEndpoints;
import java.io.PrintWriter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The entry point of the job jar ({@code stream-app/target/flowtrace-stream-app-*-job.jar}) that a
 * Flink cluster runs: {@code flink run -c io.flowtrace.job.TrackingJobMain JAR --bootstrap-servers
 * kafka:9092 ...}; {@code flowtrace job} runs the same on a local Flink environment. The options
 * are {@link JobOptions}' ({@code --help} lists them).
 */
public final class TrackingJobMain {

    /** Exit code of a bad command line. */
    public static final int USAGE = 2;

    private TrackingJobMain() {}

    public static void main(String[] args) throws Exception {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses {@code args} and runs the job until it finishes (bounded) or is cancelled.
     *
     * @return 0, or {@link #USAGE} after printing what was wrong with the command line to {@code
     *     err}
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) throws Exception {
        if (JobOptions.wantsHelp(args)) {
            out.println("Runs the tracking job: frames and track-queries in; flow-results,");
            out.println("track-updates and dead-letters out (exactly once).");
            out.println(JobOptions.usage());
            return 0;
        }
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("(--help lists the options)");
            return USAGE;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(options.parallelism());
        env.enableCheckpointing(options.checkpointMillis());
        new KafkaEndpoints(options.bootstrapServers(), options.groupId(), options.bounded())
                .trackingJob(options.config())
                .attach(env);
        env.execute("flowtrace-tracking");
        return 0;
    }
}
