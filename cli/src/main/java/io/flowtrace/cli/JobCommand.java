package io.flowtrace.cli;

import io.flowtrace.job.TrackingJobMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code flowtrace job}: runs the tracking job against a Kafka cluster on a local Flink
 * environment, with the options of the job jar's {@link TrackingJobMain}, which parses them ({@code
 * flowtrace job --help} lists them).
 */
@Command(
        name = "job",
        description = {
            "Runs the tracking job: frames and track-queries in; flow-results, track-updates and"
                    + " dead-letters out (exactly once). --help lists its options."
        })
public final class JobCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Unmatched private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return TrackingJobMain.run(
                args.toArray(String[]::new),
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
