package io.flowtrace.cli.internal;

import java.io.PrintWriter;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the (point, scale) steps of a run. On a terminal it redraws one line;
 * otherwise (a log file, a pipe) it prints a plain line now and then, so logs stay readable.
 */
public final class TrackProgress implements IntConsumer, AutoCloseable {

    private static final int WIDTH = 80;
    private static final int TERMINAL_UPDATE_MILLIS = 500;
    private static final int LOG_UPDATE_MILLIS = 15_000;

    private final ProgressBar bar;

    private TrackProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** Starts a bar named "track" for {@code totalSteps} steps that draws on {@code err}. */
    public static TrackProgress start(long totalSteps, PrintWriter err, boolean terminal) {
        return start("track", totalSteps, err, terminal);
    }

    /**
     * Starts a bar labelled {@code name} for {@code totalSteps} steps that draws on {@code err}.
     */
    public static TrackProgress start(
            String name, long totalSteps, PrintWriter err, boolean terminal) {
        return new TrackProgress(
                new ProgressBarBuilder()
                        .setTaskName(name)
                        .setInitialMax(totalSteps)
                        .setStyle(
                                terminal ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(
                                terminal ? TERMINAL_UPDATE_MILLIS : LOG_UPDATE_MILLIS)
                        .setConsumer(new WriterConsumer(err, terminal))
                        .build());
    }

    /** Counts {@code steps} more finished steps. */
    @Override
    public void accept(int steps) {
        bar.stepBy(steps);
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Draws on a writer rather than a stream, so it follows the command's error writer. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;
        private final boolean terminal;
        private String last = "";

        WriterConsumer(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public void accept(String line) {
            if (terminal) {
                out.print('\r' + line);
            } else if (!line.equals(last)) {
                out.println(line.stripTrailing());
            }
            last = line;
            out.flush();
        }

        @Override
        public void close() {
            if (terminal) {
                out.println();
            }
            out.flush();
        }
    }
}
