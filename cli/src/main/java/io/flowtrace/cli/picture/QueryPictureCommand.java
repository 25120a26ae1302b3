package io.flowtrace.cli.picture;

import io.flowtrace.cli.internal.Method;
import io.flowtrace.cli.internal.ModelFactory;
import io.flowtrace.cli.internal.RecipeOptions;
import io.flowtrace.frames.FileFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowtrace picture query}: the KL maps of every scale for one query. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Traces one query of a task and writes, to --out: query-N-scale-K.png (scale K's"
                    + " seed-averaged KL map over the target-frame window it probed, with the"
                    + " estimate and the ground truth), query-N-overview.png (all scales in a row)"
                    + " and query-N-side-by-side.png (query frame and target frame, joined by the"
                    + " track)."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or input; 1 output not written."})
final class QueryPictureCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--task",
            required = true,
            paramLabel = "DIR",
            description = "task directory: frames/ (or one video), queries.csv, optional gt.csv")
    private Path task;

    @Option(names = "--id", required = true, paramLabel = "N", description = "query id to trace")
    private int id;

    @Option(
            names = "--target",
            paramLabel = "T",
            description = "frame to trace into; default: the one after the query's frame")
    private Integer target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    private Path out;

    @Option(
            names = "--method",
            paramLabel = "NAME",
            defaultValue = "kltrace",
            converter = Method.Converter.class,
            completionCandidates = Method.Names.class,
            description = "${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}")
    private Method method;

    @Option(
            names = "--size",
            paramLabel = "PX",
            defaultValue = "512",
            description = "longer side of each scale's map picture; default: ${DEFAULT-VALUE}")
    private int size;

    @Option(
            names = "--heat",
            paramLabel = "SCALE",
            defaultValue = "log",
            converter = HeatScale.Converter.class,
            description =
                    "colour scale of the maps: log (3 decades below the peak, shows the spread)"
                            + " or linear; default: ${DEFAULT-VALUE}")
    private HeatScale heat;

    @Mixin private RecipeOptions recipe = new RecipeOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (size < 64 || size > 4096) {
            err.println("flowtrace picture query: --size must be in 64..4096, was " + size);
            return ExitCode.USAGE;
        }
        QueryPictures.Options options =
                new QueryPictures.Options(
                        task,
                        id,
                        Optional.ofNullable(target),
                        out,
                        method,
                        RecipeOptions.configOf(recipe, spec.commandLine()),
                        size,
                        heat);
        try {
            QueryPictures.Result result = QueryPictures.run(options, ModelFactory::create);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(result.traced().summary());
            stdout.println("wrote " + result.files().size() + " pictures to " + out);
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace picture query: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace picture query: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }
}
