package io.flowtrace.app;

import io.flowtrace.app.internal.FrameSource;
import io.flowtrace.app.internal.Method;
import io.flowtrace.app.internal.ModelFactory;
import io.flowtrace.app.internal.Protocol;
import io.flowtrace.app.internal.ScoreReport;
import io.flowtrace.app.internal.TrackOptions;
import io.flowtrace.app.internal.TrackProgress;
import io.flowtrace.app.internal.TrackRun;
import io.flowtrace.app.internal.TrackSummary;
import io.flowtrace.eval.Scores;
import io.flowtrace.eval.TapVidMetrics;
import io.flowtrace.synth.MotionKind;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.tracer.TracerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace demo}: generates a clip with exact ground truth, tracks its query points with
 * KL-tracing on the in-process reference model and prints the scores.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generates a synthetic clip (textured layers moving over a textured background),"
                    + " tracks its points with KL-tracing on the reference model and scores them"
                    + " against the exact ground truth."
        })
public final class DemoCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "scene seed; default ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--frames",
            defaultValue = "3",
            description = "frames in the clip; default ${DEFAULT-VALUE}")
    private int frames;

    @Option(
            names = "--queries",
            defaultValue = "32",
            description = "query points; default ${DEFAULT-VALUE}")
    private int queries;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "keep the generated task and predictions here (default: a temporary folder)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SceneSpec scene =
                SceneSpec.builder()
                        .size(256, 256)
                        .frames(frames)
                        .layers(3)
                        .motion(MotionKind.AFFINE)
                        .maxSpeed(5)
                        .queries(queries)
                        .seed(seed)
                        .build();
        Path dir = out != null ? out : Files.createTempDirectory("flowtrace-demo");
        SyntheticClip clip = SyntheticClip.generate(scene);
        clip.writeTask(dir);
        stdout.printf(
                "generated a %dx%d clip of %d frames with %d query points in %s%n",
                scene.width(), scene.height(), scene.frames(), scene.queries(), dir);
        Path pred = dir.resolve("pred.csv");
        TrackOptions options =
                new TrackOptions(
                        new FrameSource.ImageDirectory(dir.resolve("frames")),
                        dir.resolve("queries.csv"),
                        pred,
                        Method.KLTRACE,
                        Protocol.FIRST,
                        TracerConfig.defaults());
        TrackSummary summary =
                new TrackRun(
                                options,
                                ModelFactory::create,
                                steps -> TrackProgress.start(steps, err, System.console() != null))
                        .run();
        stdout.println(summary.line());
        Scores scores =
                TapVidMetrics.score(
                        clip.groundTruth(), TracksCsv.read(pred), scene.width(), scene.height());
        stdout.println(ScoreReport.table(scores));
        if (out == null) {
            deleteQuietly(dir);
        }
        return ExitCode.OK;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
