package io.flowtrace.cli.picture;

import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowColors;
import io.flowtrace.flow.FlowField;
import io.flowtrace.frames.FileFormatException;
import io.flowtrace.frames.ImageWriting;
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

/** {@code flowtrace picture flow}: draws a {@code .flo} file in the Middlebury colour coding. */
@Command(
        name = "flow",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes a PNG of a Middlebury .flo flow field: hue is the direction, saturation the"
                    + " length relative to the max radius; white is no motion, black unknown."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or input; 1 output not written."})
public final class FlowPictureCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--flow",
            required = true,
            paramLabel = "FILE",
            description = "flow field, Middlebury .flo")
    private Path flow;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG to write")
    private Path out;

    @Option(
            names = "--max-radius",
            paramLabel = "R",
            description =
                    "flow length in pixels drawn fully saturated; longer flow is darkened"
                            + " (default: the field's longest known vector)")
    private Double maxRadius;

    @Override
    public Integer call() {
        if (maxRadius != null && !(maxRadius > 0 && Double.isFinite(maxRadius))) {
            throw new ParameterException(
                    spec.commandLine(), "--max-radius must be positive, was " + maxRadius);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            FlowField field = FloFile.read(flow);
            double radius = maxRadius != null ? maxRadius : FlowColors.maxRadius(field);
            ImageWriting.writePng(FlowColors.picture(field, radius), out);
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote a %dx%d flow picture to %s (max radius %.2f px)%n",
                            field.width(),
                            field.height(),
                            out,
                            radius);
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace picture flow: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace picture flow: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }
}
