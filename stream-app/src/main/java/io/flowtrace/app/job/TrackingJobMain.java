package io.flowtrace.app.job;

import io.flowtrace.app.JobCommand;
import picocli.CommandLine;

/**
 * The entry point of the job jar ({@code stream-app/target/flowtrace-stream-app-*-job.jar}) that a
 * Flink cluster runs: {@code flink run -c io.flowtrace.app.job.TrackingJobMain JAR
 * --bootstrap-servers kafka:9092 ...}. Takes the options of {@code flowtrace job}.
 */
public final class TrackingJobMain {

    private TrackingJobMain() {}

    public static void main(String[] args) {
        int code = new CommandLine(new JobCommand()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
