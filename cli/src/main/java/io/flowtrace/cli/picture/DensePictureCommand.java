package io.flowtrace.cli.picture;

import io.flowtrace.cli.baseline.DenseFlow;
import io.flowtrace.cli.dense.FlowError;
import io.flowtrace.cli.dense.GridFlow;
import io.flowtrace.cli.dense.PanelSheet;
import io.flowtrace.cli.dense.PanelSheet.Panel;
import io.flowtrace.cli.internal.Contender;
import io.flowtrace.cli.internal.ModelFactory;
import io.flowtrace.cli.internal.TrackProgress;
import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.flow.FloFile;
import io.flowtrace.flow.FlowColors;
import io.flowtrace.flow.FlowField;
import io.flowtrace.frames.AtomicFiles;
import io.flowtrace.frames.FileFormatException;
import io.flowtrace.frames.ImageReading;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.task.TaskFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace picture dense}: one frame pair's flow by every method, in the Middlebury colour
 * coding, beside the ground truth. Dense methods are drawn per pixel; point trackers (KL-tracing,
 * LK) on a coarse grid, each point's motion filling its block.
 */
@Command(
        name = "dense",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Draws frame 1, the ground-truth flow and each method's flow (same colour scale) on"
                    + " one PNG, and prints each method's end-point error."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or input; 1 output not written."})
public final class DensePictureCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--frame1", required = true, paramLabel = "FILE", description = "first frame")
    private Path frame1;

    @Option(names = "--frame2", required = true, paramLabel = "FILE", description = "second frame")
    private Path frame2;

    @Option(
            names = "--flow",
            required = true,
            paramLabel = "FILE",
            description = "ground-truth flow frame1 -> frame2, Middlebury .flo")
    private Path flow;

    @Option(
            names = "--methods",
            split = ",",
            paramLabel = "METHOD",
            defaultValue = "kltrace:fast,dis,farneback,lk",
            converter = Contender.Converter.class,
            description = "comma-separated, as for compare; default: ${DEFAULT-VALUE}")
    private List<Contender> methods;

    @Option(
            names = "--grid",
            paramLabel = "PX",
            defaultValue = "32",
            description = "grid spacing for point trackers; default: ${DEFAULT-VALUE}")
    private int grid;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG to write")
    private Path out;

    @Override
    public Integer call() {
        if (grid < 1) {
            throw new ParameterException(spec.commandLine(), "--grid must be >= 1, was " + grid);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        try {
            RgbImage from = ImageReading.readRgb(frame1);
            RgbImage to = ImageReading.readRgb(frame2);
            FlowField truth = FloFile.read(flow);
            checkSizes(from, to, truth);
            double radius = FlowColors.maxRadius(truth);
            List<Panel> panels = new ArrayList<>();
            panels.add(new Panel("frame 1", from));
            panels.add(new Panel("ground truth", FlowColors.picture(truth, radius)));
            for (Contender method : methods) {
                long start = System.nanoTime();
                Drawn drawn = draw(method, from, to, truth, err, terminal);
                double seconds = (System.nanoTime() - start) / 1e9;
                String title =
                        String.format(Locale.ROOT, "%s: EPE %.2f px", drawn.label(), drawn.epe());
                panels.add(new Panel(title, FlowColors.picture(drawn.field(), radius)));
                spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "%-40s EPE %6.2f px   %6.1f s%n",
                                drawn.label(),
                                drawn.epe(),
                                seconds);
            }
            var sheet = PanelSheet.draw(panels, 3, 420);
            AtomicFiles.write(out, o -> ImageIO.write(sheet, "png", o));
            spec.commandLine().getOut().println("wrote " + out);
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace picture dense: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace picture dense: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /** A method's flow as drawn, its label and its end-point error. */
    private record Drawn(String label, FlowField field, double epe) {}

    private Drawn draw(
            Contender method,
            RgbImage from,
            RgbImage to,
            FlowField truth,
            PrintWriter err,
            boolean terminal) {
        Optional<DenseFlow> dense = method.method().denseFlow();
        if (dense.isPresent()) {
            FlowField field = dense.get().flow(from, to);
            return new Drawn(method.name(), field, FlowError.endPointError(field, truth));
        }
        try (PairTracker tracker = method.method().tracker(method.recipe(), ModelFactory::create)) {
            int points = GridFlow.grid(from.width(), from.height(), grid).size();
            GridFlow g;
            try (TrackProgress bar =
                    TrackProgress.start(
                            method.name(),
                            (long) points * tracker.stepsPerPoint(),
                            err,
                            terminal)) {
                g = GridFlow.track(tracker, from, to, grid, bar);
            }
            String label =
                    String.format(
                            Locale.ROOT,
                            "%s (grid %d px, %.0f%% occluded)",
                            method.name(),
                            grid,
                            100 * g.occludedFraction());
            return new Drawn(label, g.field(), g.endPointError(truth));
        }
    }

    private void checkSizes(RgbImage from, RgbImage to, FlowField truth) {
        if (!from.sameSizeAs(to)) {
            throw new TaskFormatException(
                    frame2,
                    "size "
                            + to.width()
                            + "x"
                            + to.height()
                            + " differs from frame 1's "
                            + from.width()
                            + "x"
                            + from.height());
        }
        if (truth.width() != from.width() || truth.height() != from.height()) {
            throw new TaskFormatException(
                    flow,
                    "flow size "
                            + truth.width()
                            + "x"
                            + truth.height()
                            + " differs from the"
                            + " frames' "
                            + from.width()
                            + "x"
                            + from.height());
        }
    }
}
