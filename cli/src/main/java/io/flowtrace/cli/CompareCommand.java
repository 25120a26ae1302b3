package io.flowtrace.cli;

import io.flowtrace.cli.internal.CompareCharts;
import io.flowtrace.cli.internal.CompareOptions;
import io.flowtrace.cli.internal.CompareResult;
import io.flowtrace.cli.internal.CompareRun;
import io.flowtrace.cli.internal.CompareTable;
import io.flowtrace.cli.internal.Contender;
import io.flowtrace.cli.internal.ModelOptions;
import io.flowtrace.cli.internal.TrackProgress;
import io.flowtrace.frames.AtomicFiles;
import io.flowtrace.frames.FileFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace compare}: runs every method on every task, on the same queries, and writes one
 * table (Markdown and CSV) with every metric and the wall time per point, plus a bar chart per
 * metric.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs every method on every task and writes compare.md, compare.csv and one bar chart"
                    + " PNG per metric into --out; predictions go to"
                    + " --out/predictions/TASK/METHOD.csv."
        },
        footer = {
            "",
            "Methods: kltrace, rgbdiff (each optionally :default, :paper, :fast or :efficient,"
                    + " then recipe knobs as +NAME=VALUE, e.g. kltrace:efficient+masks=3: the"
                    + " recipe options of track without their dashes), and any baseline method"
                    + " that track accepts.",
            "Exit codes: 0 done; 2 bad options or input; 1 output not written."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--tasks",
            required = true,
            arity = "1..*",
            paramLabel = "DIR",
            description = "task folders (frames/ or a video, queries.csv, gt.csv)")
    private List<Path> tasks;

    @Option(
            names = "--methods",
            split = ",",
            paramLabel = "METHOD",
            defaultValue = "kltrace:paper,kltrace,kltrace:fast,dis,farneback,lk",
            converter = Contender.Converter.class,
            description = "comma-separated methods; default: ${DEFAULT-VALUE}")
    private List<Contender> methods;

    @Option(
            names = "--points",
            paramLabel = "N",
            defaultValue = "0",
            description = "use the first N queries of each task; 0 = all (default)")
    private int points;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs/compare",
            description = "output folder; default: ${DEFAULT-VALUE}")
    private Path out;

    // a mixin: picocli-codegen rejects a second @ArgGroup of the same class (picocli #2407)
    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            defaultValue = "first",
            converter = io.flowtrace.cli.internal.Protocol.Converter.class,
            description =
                    "first (TAP-Vid: query frame to each other frame), chained or anchored (the"
                            + " streaming job's rule), as in track; default: ${DEFAULT-VALUE}")
    private io.flowtrace.cli.internal.Protocol protocol;

    @Option(
            names = "--reference",
            paramLabel = "METHOD",
            description =
                    "mark, in compare.md, the methods whose <δavg stays within 1 point of this"
                            + " method's on every task")
    private String reference;

    @Mixin private ModelOptions model = new ModelOptions();

    @Option(
            names = "--resume",
            description = "keep results already in --out/compare.csv and run only the missing ones")
    private boolean resume;

    @Override
    public Integer call() {
        CompareOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        Path csv = out.resolve("compare.csv");
        try {
            List<CompareResult> done =
                    resume && Files.exists(csv) ? CompareTable.readCsv(csv) : List.of();
            List<CompareResult> sofar = new ArrayList<>(done);
            List<CompareResult> results =
                    new CompareRun(
                                    options,
                                    models(),
                                    (label, steps) ->
                                            TrackProgress.start(label, steps, err, terminal))
                            .run(
                                    done,
                                    r -> {
                                        sofar.add(r);
                                        CompareTable.writeCsv(csv, sofar);
                                    });
            CompareTable.writeCsv(csv, results);
            String md = CompareTable.markdown(results, options.reference());
            AtomicFiles.write(
                    out.resolve("compare.md"), o -> o.write(md.getBytes(StandardCharsets.UTF_8)));
            List<Path> charts = CompareCharts.write(out, results);
            spec.commandLine().getOut().print(md);
            spec.commandLine()
                    .getOut()
                    .printf("%nwrote %s, compare.md and %d charts%n", csv, charts.size());
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace compare: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException | io.flowtrace.inference.grpc.InferenceException e) {
            err.println("flowtrace compare: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    private java.util.function.Supplier<io.flowtrace.inference.ProbeModel> models() {
        try {
            return (model == null ? new ModelOptions() : model).models();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid model: " + e.getMessage(), e);
        }
    }

    private CompareOptions options() {
        try {
            return new CompareOptions(tasks, methods, points, out, resume, protocol, reference);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
