package io.flowtrace.cli.demo;

import io.flowtrace.cli.internal.Method;
import io.flowtrace.cli.internal.Protocol;
import io.flowtrace.cli.tracking.PairTracker;
import io.flowtrace.cli.tracking.Tracks;
import io.flowtrace.frames.ImageDirectoryFrames;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.job.ModelProvider;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import io.flowtrace.tracer.TracerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The tracking the demo's job does, without the pipeline: every camera's frames tracked with the
 * job's rule (anchored, frame by frame, one pair per camera at a time), cameras side by side on as
 * many threads as the job tracks on, one model shared by them. Its point-steps per second are what
 * the model alone gives on these cores; the pipeline's over this is the pipeline's efficiency.
 */
public final class RawThroughput {

    /**
     * Point-steps tracked, the wall time taken and the threads used, and the steady rate measured
     * as the pipeline's is: from the first pair done to the last, the points of the pairs after the
     * first.
     */
    public record Result(
            long pointSteps, Duration elapsed, int threads, long steadySteps, Duration steady) {
        public Result(long pointSteps, Duration elapsed, int threads) {
            this(pointSteps, elapsed, threads, pointSteps, elapsed);
        }

        public double perSecond() {
            return pointSteps / (elapsed.toNanos() / 1e9);
        }

        public double steadyPerSecond() {
            return steadySteps / (steady.toNanos() / 1e9);
        }
    }

    /** When a pair finished and how many points it carried. */
    private record Done(long nanos, int points) {}

    private RawThroughput() {}

    /**
     * Tracks every camera's frames with the anchored protocol, {@code reanchorAfter} as the job's,
     * one camera per thread at a time.
     */
    public static Result run(
            Map<String, DemoCamera> cameras,
            TracerConfig recipe,
            ModelProvider models,
            int threads,
            int reanchorAfter)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ProbeModel model = models.create()) {
            ProbeModel shared = new Unclosed(model);
            long start = System.nanoTime();
            List<Done> done = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<Tracks>> running = new ArrayList<>();
            for (DemoCamera camera : cameras.values()) {
                running.add(pool.submit(() -> track(camera, recipe, shared, done, reanchorAfter)));
            }
            long steps = 0;
            for (Future<Tracks> f : running) {
                steps += f.get().rows().size();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            List<Done> order =
                    done.stream().sorted(java.util.Comparator.comparingLong(Done::nanos)).toList();
            if (order.size() < 2) {
                return new Result(steps, elapsed, threads);
            }
            long steady = order.subList(1, order.size()).stream().mapToLong(Done::points).sum();
            Duration window =
                    Duration.ofNanos(order.get(order.size() - 1).nanos() - order.get(0).nanos());
            return new Result(steps, elapsed, threads, steady, window);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tracks track(
            DemoCamera camera,
            TracerConfig recipe,
            ProbeModel model,
            List<Done> done,
            int reanchorAfter) {
        try (ImageDirectoryFrames frames =
                        ImageDirectoryFrames.open(camera.task().resolve("frames"));
                PairTracker tracker = Method.KLTRACE.tracker(recipe, () -> model)) {
            return Protocol.ANCHORED.run(
                    frames, camera.queries(), new Timed(tracker, done), steps -> {}, reanchorAfter);
        }
    }

    /** Notes when each call of a tracker returns. */
    private record Timed(PairTracker inner, List<Done> done) implements PairTracker {
        @Override
        public List<PointEstimate> track(
                RgbImage from, RgbImage to, List<Point> points, IntConsumer progress) {
            return track(from, to, points, null, progress);
        }

        @Override
        public List<PointEstimate> track(
                RgbImage from,
                RgbImage to,
                List<Point> points,
                List<Point> priors,
                IntConsumer progress) {
            List<PointEstimate> out = inner.track(from, to, points, priors, progress);
            done.add(new Done(System.nanoTime(), points.size()));
            return out;
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public int stepsPerPoint() {
            return inner.stepsPerPoint();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** The shared model, which the per-camera trackers must not close. */
    private record Unclosed(ProbeModel inner) implements ProbeModel {
        @Override
        public String modelId() {
            return inner.modelId();
        }

        @Override
        public boolean supportsFineMaps() {
            return inner.supportsFineMaps();
        }

        @Override
        public io.flowtrace.inference.ProbeResult probe(io.flowtrace.inference.ProbeRequest r) {
            return inner.probe(r);
        }

        @Override
        public java.util.concurrent.CompletableFuture<io.flowtrace.inference.ProbeResult>
                probeAsync(io.flowtrace.inference.ProbeRequest r) {
            return inner.probeAsync(r);
        }

        @Override
        public void close() {}
    }
}
