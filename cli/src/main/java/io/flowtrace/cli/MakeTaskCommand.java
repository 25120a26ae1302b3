package io.flowtrace.cli;

import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowField;
import io.flowtrace.flow.FlowTask;
import io.flowtrace.flow.PixelMask;
import io.flowtrace.frames.FileFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace make-task}: cuts a two-frame tracking task from a frame pair and its
 * ground-truth flow. Exit code 0 on success, 2 on bad options or input (nothing written), 1 when
 * the output cannot be written.
 */
@Command(
        name = "make-task",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Samples query pixels where the ground-truth flow is known and valid and writes a task"
                    + " directory: frames/000.png, frames/001.png, queries.csv (t=0) and gt.csv"
                    + " (t=1, query + flow)."
        },
        footer = {
            "",
            "Exit codes: 0 done; 2 bad options or input, nothing written; 1 output not written."
        })
public final class MakeTaskCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--frame1",
            required = true,
            paramLabel = "FILE",
            description = "first frame (PNG or JPEG), where the queries lie")
    private Path frame1;

    @Option(
            names = "--frame2",
            required = true,
            paramLabel = "FILE",
            description = "second frame, the flow's target")
    private Path frame2;

    @Option(
            names = "--flow",
            required = true,
            paramLabel = "FILE",
            description = "ground-truth flow frame1 -> frame2, Middlebury .flo")
    private Path flow;

    @Option(
            names = "--occlusions",
            paramLabel = "PNG",
            description = "mask, non-zero where a pixel of frame1 is hidden in frame2")
    private Path occlusions;

    @Option(
            names = "--invalid",
            paramLabel = "PNG",
            description = "mask, non-zero where the ground-truth flow is invalid")
    private Path invalid;

    @Option(
            names = "--points",
            paramLabel = "N",
            defaultValue = "400",
            description = "query points to sample; default ${DEFAULT-VALUE}")
    private int points;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "sampling seed; default ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--include-occluded",
            description =
                    "also sample occluded pixels and those whose target leaves the frame,"
                            + " as visible=0 (default: leave them out)")
    private boolean includeOccluded;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "task directory to write (its frames/ must be empty or absent)")
    private Path out;

    @Override
    public Integer call() {
        if (points <= 0) {
            throw new ParameterException(
                    spec.commandLine(), "--points must be positive, was " + points);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            FlowField field = FloFile.read(flow);
            FlowTask task =
                    FlowTask.builder(field)
                            .occlusions(mask(occlusions, field))
                            .invalid(mask(invalid, field))
                            .points(points)
                            .seed(seed)
                            .includeOccluded(includeOccluded)
                            .build();
            task.write(out, frame1, frame2);
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote %d points (%d visible) to %s, sampled from %d eligible pixels"
                                    + " of %dx%d%n",
                            task.queries().size(),
                            task.visible(),
                            out,
                            task.eligible(),
                            field.width(),
                            field.height());
            return ExitCode.OK;
        } catch (FileFormatException | IllegalArgumentException | IllegalStateException e) {
            err.println("flowtrace make-task: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace make-task: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    private static PixelMask mask(Path file, FlowField field) {
        return file == null ? null : PixelMask.read(file, field.width(), field.height());
    }
}
