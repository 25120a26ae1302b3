package io.flowtrace.cli;

import io.flowtrace.synth.MotionKind;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace make-clip}: writes a generated clip with exact ground truth as a tracking task.
 * Exit code 0 on success, 2 on bad options (nothing written), 1 when the output cannot be written.
 */
@Command(
        name = "make-clip",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Generates a synthetic clip (textured layers moving over a textured background, with"
                    + " occlusions) and writes it as a task directory: frames/000.png...,"
                    + " queries.csv (t=0) and gt.csv (every other frame, exact)."
        },
        footer = {"", "Exit codes: 0 done; 2 bad options, nothing written; 1 output not written."})
public final class MakeClipCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--width",
            paramLabel = "PX",
            defaultValue = "256",
            description = "default ${DEFAULT-VALUE}")
    private int width;

    @Option(
            names = "--height",
            paramLabel = "PX",
            defaultValue = "256",
            description = "default ${DEFAULT-VALUE}")
    private int height;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "16",
            description = "default ${DEFAULT-VALUE}")
    private int frames;

    @Option(
            names = "--layers",
            paramLabel = "N",
            defaultValue = "3",
            description = "moving layers; default ${DEFAULT-VALUE}")
    private int layers;

    @Option(
            names = "--motion",
            paramLabel = "KIND",
            defaultValue = "translation",
            converter = MotionConverter.class,
            description = "translation or affine; default ${DEFAULT-VALUE}")
    private MotionKind motion;

    @Option(
            names = "--max-speed",
            paramLabel = "PX",
            defaultValue = "8",
            description = "largest motion per frame, pixels; default ${DEFAULT-VALUE}")
    private double maxSpeed;

    @Option(
            names = "--points",
            paramLabel = "N",
            defaultValue = "24",
            description = "queries on frame 0; default ${DEFAULT-VALUE}")
    private int points;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "default ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "task directory to write (its frames/ must be empty or absent)")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SceneSpec scene;
        try {
            scene =
                    SceneSpec.builder()
                            .size(width, height)
                            .frames(frames)
                            .layers(layers)
                            .motion(motion)
                            .maxSpeed(maxSpeed)
                            .queries(points)
                            .seed(seed)
                            .build();
        } catch (IllegalArgumentException e) {
            err.println("flowtrace make-clip: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            SyntheticClip clip = SyntheticClip.generate(scene);
            clip.writeTask(out);
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "wrote %d frames of %dx%d and %d queries (%d ground-truth rows) to %s%n",
                            clip.frames().size(),
                            width,
                            height,
                            clip.queries().size(),
                            clip.groundTruth().size(),
                            out);
            return ExitCode.OK;
        } catch (IllegalStateException e) {
            err.println("flowtrace make-clip: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UncheckedIOException e) {
            err.println("flowtrace make-clip: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /** Parses {@code translation} and {@code affine}. */
    public static final class MotionConverter
            extends io.flowtrace.cli.internal.CliEnums.Converter<MotionKind> {
        public MotionConverter() {
            super(MotionKind.class);
        }
    }
}
