package io.flowtrace.task;

import io.flowtrace.frames.FrameSequence;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Checks that a task's parts fit together. */
public final class TaskValidation {

    private TaskValidation() {}

    /**
     * Checks that every query lies in the clip: t in [0, size), x in [-0.5, width - 0.5], y in
     * [-0.5, height - 0.5].
     *
     * @throws TaskFormatException naming {@code queriesFile}, the query's line (row i is line i +
     *     2) and the bad value
     */
    public static void checkQueries(List<Query> queries, FrameSequence frames, Path queriesFile) {
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            long line = i + 2L;
            if (q.t() >= frames.size()) {
                throw new TaskFormatException(
                        queriesFile,
                        line,
                        "query "
                                + q.id()
                                + ": t="
                                + q.t()
                                + " is not a frame of the clip (frames 0.."
                                + (frames.size() - 1)
                                + ")");
            }
            checkCoordinate(q, "x", q.x(), frames.width(), queriesFile, line);
            checkCoordinate(q, "y", q.y(), frames.height(), queriesFile, line);
        }
    }

    private static void checkCoordinate(
            Query q, String axis, double value, int extent, Path file, long line) {
        if (value < -0.5 || value > extent - 0.5) {
            throw new TaskFormatException(
                    file,
                    line,
                    String.format(
                            Locale.ROOT,
                            "query %d: %s=%s is outside the frame [-0.5, %.1f]",
                            q.id(),
                            axis,
                            value,
                            extent - 0.5));
        }
    }
}
