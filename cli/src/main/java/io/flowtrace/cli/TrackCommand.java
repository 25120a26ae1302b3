package io.flowtrace.cli;

import io.flowtrace.cli.internal.FrameSource;
import io.flowtrace.cli.internal.Method;
import io.flowtrace.cli.internal.ModelOptions;
import io.flowtrace.cli.internal.Protocol;
import io.flowtrace.cli.internal.RecipeOptions;
import io.flowtrace.cli.internal.TrackOptions;
import io.flowtrace.cli.internal.TrackProgress;
import io.flowtrace.cli.internal.TrackRun;
import io.flowtrace.cli.internal.TrackSummary;
import io.flowtrace.frames.FileFormatException;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.grpc.InferenceException;
import io.flowtrace.tracer.TracerConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace track}: tracks query points through a clip and writes one row per query and
 * target frame. Exit code 0 on success, 2 on bad options or input (nothing written), 1 when the
 * output cannot be written.
 */
@Command(
        name = "track",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Tracks query points into every other frame of a clip and writes id,t,x,y,visible"
                    + " rows sorted by id then t.",
        },
        footer = {
            "",
            "Exit codes: 0 done; 2 bad options or input, nothing written; 1 output not written"
                    + " or the model server failed."
        })
public final class TrackCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Frames (one of):%n")
    private Input input;

    @Option(
            names = "--queries",
            required = true,
            paramLabel = "FILE",
            description = "queries CSV: id,t,x,y in pixels of frame t")
    private Path queries;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "predictions CSV to write: id,t,x,y,visible")
    private Path out;

    @Option(
            names = "--method",
            paramLabel = "NAME",
            defaultValue = "kltrace",
            converter = Method.Converter.class,
            completionCandidates = Method.Names.class,
            description =
                    "kltrace (KL-tracing), rgbdiff (RGB difference, CWM style), or an OpenCV"
                            + " baseline that ignores the recipe: dis, farneback, lk (pyramidal"
                            + " Lucas-Kanade); default: ${DEFAULT-VALUE}")
    private Method method;

    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            defaultValue = "first",
            converter = Protocol.Converter.class,
            completionCandidates = Protocol.Names.class,
            description =
                    "first: query frame to each other frame; chained: frame by frame, forwards"
                            + " and backwards; anchored: frame by frame, each point straight from"
                            + " its last confident sighting (the streaming job's rule); default:"
                            + " ${DEFAULT-VALUE}")
    private Protocol protocol;

    @Option(
            names = "--reanchor-after",
            paramLabel = "FRAMES",
            defaultValue = "1",
            description =
                    "anchored protocol: re-anchor a point on a confident sighting at least this"
                            + " many frames from its anchor frame, as the job does; 0 = always"
                            + " track from the query; default: ${DEFAULT-VALUE}")
    private int reanchorAfter;

    @ArgGroup(validate = false, heading = "%nRecipe (defaults from the preset):%n")
    private RecipeOptions recipe = new RecipeOptions();

    @ArgGroup(validate = false, heading = "%nModel:%n")
    private ModelOptions model = new ModelOptions();

    /** The frames' source: exactly one of the two. */
    static final class Input {
        @Option(
                names = "--frames",
                required = true,
                paramLabel = "DIR",
                description = "directory of PNG or JPEG frames, in file-name order")
        private Path frames;

        @Option(
                names = "--video",
                required = true,
                paramLabel = "FILE",
                description = "video file, decoded with FFmpeg")
        private Path video;

        FrameSource source() {
            return frames != null
                    ? new FrameSource.ImageDirectory(frames)
                    : new FrameSource.Video(video);
        }
    }

    @Override
    public Integer call() {
        TrackOptions options = options();
        Supplier<ProbeModel> models = models();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        try {
            TrackSummary summary =
                    new TrackRun(
                                    options,
                                    models,
                                    steps -> TrackProgress.start(steps, err, terminal))
                            .run();
            spec.commandLine().getOut().println(summary.line());
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace track: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException | InferenceException e) {
            err.println("flowtrace track: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    private Supplier<ProbeModel> models() {
        try {
            return (model == null ? new ModelOptions() : model).models();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid model: " + e.getMessage(), e);
        }
    }

    private TrackOptions options() {
        TracerConfig config = RecipeOptions.configOf(recipe, spec.commandLine());
        if (reanchorAfter < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--reanchor-after must be 0 (never) or a number of frames, was "
                            + reanchorAfter);
        }
        return new TrackOptions(
                input.source(), queries, out, method, protocol, config, reanchorAfter);
    }
}
