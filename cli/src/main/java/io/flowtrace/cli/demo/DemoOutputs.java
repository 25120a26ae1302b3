package io.flowtrace.cli.demo;

import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.TrackUpdate;
import java.time.Instant;
import java.util.List;

/**
 * What the demo read from the output topics.
 *
 * @param results every flow result, with when the reader received it
 * @param updates every track update
 * @param start when ingest began
 * @param end when reading stopped
 * @param complete whether every pair's result arrived in time
 */
public record DemoOutputs(
        List<Received> results,
        List<TrackUpdate> updates,
        Instant start,
        Instant end,
        boolean complete) {

    /** A flow result and the moment a consumer could read it (after its transaction committed). */
    public record Received(FlowResult result, Instant at) {}

    public DemoOutputs {
        results = List.copyOf(results);
        updates = List.copyOf(updates);
    }
}
