package io.flowtrace.cli.internal;

import io.flowtrace.frames.FrameSequence;
import io.flowtrace.task.TaskFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A task folder: {@code frames/} or a single video, {@code queries.csv}, {@code gt.csv}. */
public record TaskDirectory(Path dir, FrameSource frames) {

    private static final List<String> VIDEO_SUFFIXES =
            List.of(".mp4", ".mkv", ".avi", ".mov", ".webm");

    /**
     * Finds the frames of a task folder.
     *
     * @throws TaskFormatException when it has neither a frames folder nor a video
     */
    public static TaskDirectory of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TaskFormatException(dir, "task directory not found");
        }
        Path framesDir = dir.resolve("frames");
        if (Files.isDirectory(framesDir)) {
            return new TaskDirectory(dir, new FrameSource.ImageDirectory(framesDir));
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path video =
                    files.filter(TaskDirectory::isVideo)
                            .sorted()
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new TaskFormatException(
                                                    dir,
                                                    "task has no frames/ folder and no video"));
            return new TaskDirectory(dir, new FrameSource.Video(video));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isVideo(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return VIDEO_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    public Path queries() {
        return dir.resolve("queries.csv");
    }

    public Path groundTruth() {
        return dir.resolve("gt.csv");
    }

    /** {@code {width, height}} of the task's frames. */
    public int[] frameSize() {
        try (FrameSequence seq = frames.open()) {
            return new int[] {seq.width(), seq.height()};
        }
    }
}
