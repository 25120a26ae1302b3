package io.flowtrace.cli.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * What a tracking run did, for its one-line report.
 *
 * @param queries query points read
 * @param points track rows written (one per query and target frame)
 * @param framePairs frame pairs tracked across
 * @param elapsed wall time from opening the inputs to writing the output
 * @param modelPasses model passes spent over all rows
 * @param passEquivalents transformer tokens the model reported over all rows, in pass-equivalents
 *     (6,552 tokens: one full LRAS probe sequence)
 */
public record TrackSummary(
        int queries,
        int points,
        int framePairs,
        Duration elapsed,
        long modelPasses,
        double passEquivalents) {

    /** The report line, e.g. {@code tracked 24 queries: 48 points over 2 frame pairs in ...}. */
    public String line() {
        double seconds = elapsed.toNanos() / 1e9;
        int perPoint = Math.max(points, 1);
        return String.format(
                Locale.ROOT,
                "tracked %d queries: %d points over %d frame pairs in %.1f s,"
                        + " %.1f ms per point, %.1f model passes and %.2f pass-equivalents per"
                        + " point",
                queries,
                points,
                framePairs,
                seconds,
                seconds * 1000 / perPoint,
                (double) modelPasses / perPoint,
                passEquivalents / perPoint);
    }
}
