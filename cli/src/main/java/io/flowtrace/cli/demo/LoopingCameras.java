package io.flowtrace.cli.demo;

import io.flowtrace.cli.internal.Pacing;
import io.flowtrace.frames.FrameEncoder;
import io.flowtrace.ingest.FrameProducers;
import io.flowtrace.ingest.IngestOptions;
import io.flowtrace.ingest.IngestRun;
import io.flowtrace.ingest.IngestSource;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.FrameEncoding;
import io.flowtrace.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;

/**
 * Keeps the demo's cameras going after their clips: each clip played back and forth, without a
 * jump, with sequence numbers that go on, so the tracks keep moving in the viewer and points
 * clicked there get tracked.
 */
final class LoopingCameras {

    private final Map<String, DemoCamera> cameras;
    private final double fps;

    LoopingCameras(Map<String, DemoCamera> cameras, double fps) {
        this.cameras = cameras;
        this.fps = fps;
    }

    /** Sends frames until the calling thread is interrupted. */
    void runUntilInterrupted(String bootstrapServers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(cameras.size());
        try (Producer<String, Frame> producer = FrameProducers.create(bootstrapServers)) {
            List<Future<?>> running = new ArrayList<>();
            cameras.forEach(
                    (camera, c) ->
                            running.add(
                                    pool.submit(
                                            () -> {
                                                loop(camera, c, producer);
                                                return null;
                                            })));
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("camera loop failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void loop(String camera, DemoCamera c, Producer<String, Frame> producer)
            throws InterruptedException {
        Path forth = c.task().resolve("frames");
        Path back = backwards(forth, c.task().resolve("frames-back"));
        long sequence = c.frames();
        // a clip of two frames has no inner frames to go back through
        boolean backwards = c.frames() > 2;
        while (!Thread.currentThread().isInterrupted()) {
            Path dir = backwards ? back : forth;
            IngestOptions ingest =
                    new IngestOptions(
                            new IngestSource.FrameDirectory(dir, fps),
                            camera,
                            Topics.FRAMES,
                            0,
                            true,
                            new FrameEncoder(FrameEncoding.JPEG, 0.95f),
                            sequence,
                            0);
            new IngestRun(ingest, producer, Clock.systemUTC(), Pacing::sleepUntil).run(sent -> {});
            sequence += backwards ? c.frames() - 2 : c.frames();
            backwards = !backwards && c.frames() > 2;
        }
    }

    /**
     * The clip's inner frames in reverse (the last and first are left out: they are already the
     * turning points), for the way back; the forward leg after it skips nothing.
     */
    private static Path backwards(Path frames, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files;
            try (Stream<Path> all = Files.list(frames)) {
                files = all.sorted().toList();
            }
            int n = files.size();
            for (int i = n - 2, k = 0; i >= 1; i--, k++) {
                Files.copy(
                        files.get(i),
                        dir.resolve(String.format("%03d%s", k, extension(files.get(i)))),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the way back in " + dir, e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
