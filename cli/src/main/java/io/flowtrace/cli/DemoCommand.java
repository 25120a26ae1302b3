package io.flowtrace.cli;

import io.flowtrace.cli.demo.DemoCamera;
import io.flowtrace.cli.demo.DemoOutputs;
import io.flowtrace.cli.demo.DemoReport;
import io.flowtrace.cli.demo.RawThroughput;
import io.flowtrace.cli.demo.StreamingDemo;
import io.flowtrace.cli.internal.CliEnums;
import io.flowtrace.cli.picture.TaskPictures;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.job.JobConfig;
import io.flowtrace.job.internal.Corners;
import io.flowtrace.synth.MotionKind;
import io.flowtrace.synth.SceneSpec;
import io.flowtrace.synth.SyntheticClip;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import io.flowtrace.task.TracksCsv;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.Preset;
import io.flowtrace.video.VideoSourceException;
import io.flowtrace.video.VideoStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowtrace demo}: the streaming pipeline on one machine. Generates camera clips with exact
 * ground truth, starts an in-JVM Kafka broker and the tracking job on a local Flink environment,
 * sends the frames in real time, reads the results back and prints, per camera, pairs, points,
 * accuracy, throughput and latency; writes an MP4 per camera with the tracks drawn. It ends by
 * itself.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the streaming pipeline end to end on generated cameras: Kafka (in process),"
                    + " the Flink tracking job (local), KL-tracing on the reference model; prints"
                    + " per-camera accuracy, throughput and latency and writes an MP4 of each camera's"
                    + " tracks."
        },
        footer = {"", "Exit codes: 0 done; 1 not every pair's result arrived in time."})
public final class DemoCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--cameras",
            defaultValue = "2",
            description = "cameras; default ${DEFAULT-VALUE}")
    private int cameras;

    @Option(
            names = "--frames",
            defaultValue = "8",
            description = "frames per camera; default ${DEFAULT-VALUE}")
    private int frames;

    @Option(
            names = "--queries",
            defaultValue = "8",
            description = "points per camera; default ${DEFAULT-VALUE}")
    private int queries;

    @Option(
            names = "--fps",
            defaultValue = "4",
            description = "frames per second sent; default ${DEFAULT-VALUE}")
    private double fps;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "scene seed; default ${DEFAULT-VALUE}")
    private long seed;

    @Option(
            names = "--timeout",
            defaultValue = "150",
            paramLabel = "SECONDS",
            description = "give up waiting for results after this long; default ${DEFAULT-VALUE}")
    private long timeoutSeconds;

    @Option(
            names = "--live-max-lag",
            defaultValue = "0",
            paramLabel = "SECONDS",
            description =
                    "live mode: skip pairs that waited longer than this (published as SKIPPED"
                            + " with the reason); 0 = complete mode, every pair tracked (default)")
    private double liveMaxLagSeconds;

    @Option(
            names = "--video",
            paramLabel = "FILE",
            description =
                    "track this video as one camera instead of the generated ones: its first"
                            + " --frames frames, --queries points on the first frame's strongest"
                            + " corners; it has no ground truth, so no accuracy is printed")
    private Path video;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "keep the clips, predictions and the MP4 here (default: a temporary folder)")
    private Path out;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "fast",
            converter = CliEnums.PresetConverter.class,
            description = "recipe: default, paper, fast or efficient; default: ${DEFAULT-VALUE}")
    private Preset preset;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "parallel instances of the job's operators; default ${DEFAULT-VALUE}")
    private int parallelism;

    @Option(
            names = "--tracking-threads",
            paramLabel = "N",
            description = "tracking threads per parallel instance; default: the job's default (2)")
    private Integer trackingThreads;

    @Option(
            names = "--views",
            description =
                    "also run the views service and print its address (views: URL); after the"
                            + " results keep the cameras going, their clips back and forth, until"
                            + " Ctrl-C")
    private boolean views;

    @Option(
            names = "--overhead",
            description =
                    "afterwards, track the same frames again without the pipeline (same model,"
                            + " recipe, rule and threads, in this process) and print the pipeline's"
                            + " point-steps per second over that raw rate")
    private boolean overhead;

    @Override
    public Integer call() throws Exception {
        if (liveMaxLagSeconds > 0 && liveMaxLagSeconds < 1) {
            // the lag counts from a frame's arrival, and frames wait up to the 0.5 s reordering
            // bound before they are paired: a shorter limit would skip every pair
            throw new ParameterException(
                    spec.commandLine(),
                    "--live-max-lag must be 0 (complete mode) or at least 1 s, was "
                            + liveMaxLagSeconds);
        }
        if (cameras < 1 || frames < 2 || queries < 1 || !(fps > 0) || !(liveMaxLagSeconds >= 0)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "need --cameras >= 1, --frames >= 2, --queries >= 1, --fps > 0 and"
                            + " --live-max-lag >= 0");
        }
        if (views && overhead) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--views runs until Ctrl-C: it cannot be measured by --overhead");
        }
        if (parallelism < 1 || (trackingThreads != null && trackingThreads < 1)) {
            throw new ParameterException(
                    spec.commandLine(), "need --parallelism >= 1 and --tracking-threads >= 1");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Preset recipe = preset;
        Path dir = out != null ? out : Files.createTempDirectory("flowtrace-demo");
        Map<String, DemoCamera> clips = new LinkedHashMap<>();
        if (video != null) {
            clips.put("video", recorded(video, dir.resolve("video")));
            stdout.printf(
                    "%s: %d frames (%dx%d, %d points on corners, no ground truth) at %.1f"
                            + " frames/s into Kafka; tracking with the %s recipe%n",
                    video,
                    clips.get("video").frames(),
                    clips.get("video").width(),
                    clips.get("video").height(),
                    clips.get("video").queries().size(),
                    fps,
                    recipe.name().toLowerCase(java.util.Locale.ROOT));
        } else {
            for (int i = 0; i < cameras; i++) {
                SyntheticClip clip = SyntheticClip.generate(scene(seed + i));
                String camera = "cam-" + (i + 1);
                clips.put(camera, DemoCamera.generated(clip, dir.resolve(camera)));
            }
            stdout.printf(
                    "%d cameras of %d frames (128x128, %d points each, exact ground truth) at"
                            + " %.1f frames/s into Kafka; tracking with the %s recipe%n",
                    cameras,
                    frames,
                    queries,
                    fps,
                    recipe.name().toLowerCase(java.util.Locale.ROOT));
        }
        stdout.flush();
        JobConfig defaults = JobConfig.defaults();
        JobConfig config =
                defaults.withTracing(
                        defaults.tracing()
                                .withThreads(
                                        trackingThreads != null
                                                ? trackingThreads
                                                : defaults.tracing().threads())
                                .withRecipe(recipe.config())
                                .withLiveMaxLag(
                                        Duration.ofMillis(Math.round(liveMaxLagSeconds * 1000))));
        StreamingDemo demo =
                new StreamingDemo(
                        new StreamingDemo.Options(
                                clips,
                                fps,
                                config,
                                parallelism,
                                views,
                                Duration.ofSeconds(timeoutSeconds)));
        if (views) {
            CountDownLatch closed = new CountDownLatch(1);
            try {
                demo.run(listener(stdout, clips, dir, closed));
            } catch (InterruptedException stopped) {
                stdout.println("stopped");
            } finally {
                closed.countDown();
            }
            return ExitCode.OK;
        }
        DemoOutputs outputs = demo.run();
        report(stdout, clips, outputs, dir);
        if (overhead) {
            int threads = parallelism * config.tracing().threads();
            RawThroughput.Result raw =
                    RawThroughput.run(
                            clips,
                            recipe.config(),
                            config.tracing().model(),
                            threads,
                            config.tracing().reanchorAfter());
            stdout.println(DemoReport.overhead(outputs, raw));
        }
        if (!outputs.complete()) {
            spec.commandLine()
                    .getErr()
                    .println("flowtrace demo: not every pair's result arrived within the timeout");
            return ExitCode.SOFTWARE;
        }
        return ExitCode.OK;
    }

    /** Prints per-camera figures and writes each camera's predictions and MP4. */
    private void report(
            PrintWriter stdout, Map<String, DemoCamera> clips, DemoOutputs outputs, Path dir) {
        DemoReport.lines(clips, outputs).forEach(stdout::println);
        for (String camera : clips.keySet()) {
            Path pred = dir.resolve(camera).resolve("pred.csv");
            List<TrackPoint> rows = DemoReport.rows(camera, outputs.updates());
            TracksCsv.write(pred, rows);
            if (rows.isEmpty()) { // live mode skipped every pair of the camera
                stdout.println(camera + ": no pair tracked, no MP4");
                continue;
            }
            Path mp4 = dir.resolve(camera + "-tracks.mp4");
            TaskPictures.run(
                    new TaskPictures.Options(
                            clips.get(camera).task(), pred, dir.resolve(camera), mp4, 100, 0, fps));
            stdout.println("wrote " + mp4);
        }
        stdout.flush();
    }

    /**
     * With views: prints the viewer's address as soon as it is up, the report once the results are
     * in, and lets Ctrl-C end the demo (its resources closed) instead of killing it.
     */
    private StreamingDemo.Listener listener(
            PrintWriter stdout, Map<String, DemoCamera> clips, Path dir, CountDownLatch closed) {
        Thread main = Thread.currentThread();
        Thread hook =
                new Thread(
                        () -> {
                            // the demo's thread closes the broker, the job and the service
                            main.interrupt();
                            try {
                                closed.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "flowtrace-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StreamingDemo.Listener() {
            @Override
            public void viewsStarted(java.net.URI url) {
                stdout.println("views: " + url);
                stdout.flush();
            }

            @Override
            public void resultsIn(DemoOutputs outputs) {
                report(stdout, clips, outputs, dir);
                stdout.println(
                        "the cameras go on until Ctrl-C; the viewer stays at the address above");
                stdout.flush();
            }
        };
    }

    /** The video's first {@code --frames} frames, with points on the first one's corners. */
    private DemoCamera recorded(Path file, Path task) {
        List<RgbImage> images = new ArrayList<>();
        try (VideoStream stream = VideoStream.file(file)) {
            VideoStream.TimedImage next;
            while (images.size() < frames && (next = stream.next()) != null) {
                images.add(next.image());
            }
        } catch (VideoSourceException e) {
            throw new ParameterException(spec.commandLine(), "--video " + e.getMessage(), e);
        }
        if (images.size() < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--video " + file + ": need 2 frames or more, it has " + images.size());
        }
        RgbImage first = images.get(0);
        double apart = Math.max(8, Math.min(first.width(), first.height()) / 8.0);
        List<Point> corners = Corners.find(first, apart, queries);
        if (corners.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--video " + file + ": its first frame has no corners to track");
        }
        List<Query> points = new ArrayList<>();
        for (Point c : corners) {
            points.add(new Query(points.size(), 0, c.x(), c.y()));
        }
        return DemoCamera.recorded(images, points, task);
    }

    private SceneSpec scene(long sceneSeed) {
        return SceneSpec.builder()
                .size(128, 128)
                .frames(frames)
                .layers(2)
                .motion(MotionKind.TRANSLATION)
                .maxSpeed(3)
                .queries(queries)
                .seed(sceneSeed)
                .build();
    }
}
