package io.flowtrace.cli.tracking;

import io.flowtrace.task.TrackPoint;
import java.util.List;

/**
 * What a tracking protocol produced.
 *
 * @param rows one row per query and target frame, in no particular order
 * @param framePairs frame pairs tracked across (one tracker call each)
 * @param modelPasses model passes spent over all rows
 * @param passEquivalents transformer tokens the model reported over all rows, in pass-equivalents
 */
public record Tracks(
        List<TrackPoint> rows, int framePairs, long modelPasses, double passEquivalents) {

    public Tracks {
        rows = List.copyOf(rows);
    }
}
