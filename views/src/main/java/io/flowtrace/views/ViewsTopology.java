package io.flowtrace.views;

import io.flowtrace.views.internal.ViewsStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The views service's Kafka Streams topology, built from its configuration: track updates into the
 * latest state and trail of every track; flow results into per-camera motion summaries in tumbling
 * event-time windows, queryable while open and written to {@code motion-summaries} once closed;
 * frames into each camera's latest viewer frame. Undecodable input goes to dead letters.
 */
public final class ViewsTopology {

    private ViewsTopology() {}

    /** The topology; {@code counters} receive what it sets aside. */
    public static Topology build(ViewsConfig config, ViewsCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        ViewsStreams streams = new ViewsStreams(config, counters);
        streams.tracks(builder);
        streams.summaries(builder);
        streams.frames(builder);
        return builder.build();
    }
}
