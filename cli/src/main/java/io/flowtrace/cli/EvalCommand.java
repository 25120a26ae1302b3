package io.flowtrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowtrace.cli.internal.ScoreReport;
import io.flowtrace.cli.internal.TaskDirectory;
import io.flowtrace.eval.Scores;
import io.flowtrace.eval.TapVidMetrics;
import io.flowtrace.frames.FileFormatException;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowtrace eval}: scores predictions against a task's ground truth (TAP-Vid metrics). */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores predicted tracks against a task's gt.csv: AD, <δavg, OA and AJ in 256x256"
                    + " space, EPE in native pixels."
        })
public final class EvalCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--task",
            required = true,
            paramLabel = "DIR",
            description = "task directory with frames/ (or one video file) and gt.csv")
    private Path task;

    @Option(
            names = "--pred",
            required = true,
            paramLabel = "FILE",
            description = "predictions CSV: id,t,x,y,visible")
    private Path pred;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        try {
            TaskDirectory dir = TaskDirectory.of(task);
            List<TrackPoint> truth = TracksCsv.read(dir.groundTruth());
            List<TrackPoint> predicted = TracksCsv.read(pred);
            int[] size = dir.frameSize();
            Scores scores = TapVidMetrics.score(truth, predicted, size[0], size[1]);
            spec.commandLine()
                    .getOut()
                    .println(
                            json
                                    ? new ObjectMapper()
                                            .writeValueAsString(ScoreReport.asMap(scores))
                                    : ScoreReport.table(scores));
            return ExitCode.OK;
        } catch (FileFormatException e) {
            spec.commandLine().getErr().println("flowtrace eval: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }
}
