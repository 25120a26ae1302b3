package io.flowtrace.cli.picture;

import io.flowtrace.frames.FileFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowtrace picture task}: predicted and true tracks of a task, as a picture and video. */
@Command(
        name = "task",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Draws predicted tracks (solid, coloured by error) and ground truth (dashed green)"
                    + " over the first frame to --out/tracks.png, and writes an H.264 MP4 of the"
                    + " frames with the tracks growing."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options or input; 1 output not written."})
final class TaskPictureCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--task",
            required = true,
            paramLabel = "DIR",
            description = "task directory: frames/ (or one video), queries.csv, optional gt.csv")
    private Path task;

    @Option(
            names = "--pred",
            required = true,
            paramLabel = "FILE",
            description = "predictions CSV: id,t,x,y,visible")
    private Path pred;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    private Path out;

    @Option(
            names = "--video",
            paramLabel = "FILE",
            description = "MP4 to write; default: tracks.mp4 in --out")
    private Path video;

    @Option(
            names = "--max-points",
            paramLabel = "N",
            defaultValue = "100",
            description = "most tracks drawn, picked at random; default: ${DEFAULT-VALUE}")
    private int maxPoints;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "seed of the pick; default: ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--fps",
            paramLabel = "F",
            defaultValue = "10",
            description = "video frame rate; default: ${DEFAULT-VALUE}")
    private double fps;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (maxPoints < 1 || !(fps > 0 && fps <= 120)) {
            err.println(
                    "flowtrace picture task: --max-points must be >= 1 and --fps in (0, 120], were "
                            + maxPoints
                            + " and "
                            + fps);
            return ExitCode.USAGE;
        }
        Path videoFile = video != null ? video : out.resolve("tracks.mp4");
        try {
            TaskPictures.Result result =
                    TaskPictures.run(
                            new TaskPictures.Options(
                                    task, pred, out, videoFile, maxPoints, seed, fps));
            spec.commandLine()
                    .getOut()
                    .printf(
                            "drew %d of %d tracks; wrote %s and %s (%d video frames)%n",
                            result.shown(),
                            result.tracks(),
                            result.files().get(0),
                            result.files().get(1),
                            result.videoFrames());
            return ExitCode.OK;
        } catch (FileFormatException e) {
            err.println("flowtrace picture task: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace picture task: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }
}
