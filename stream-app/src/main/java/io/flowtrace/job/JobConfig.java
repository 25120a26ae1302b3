package io.flowtrace.job;

import java.io.Serializable;
import java.util.Objects;

/** Every setting of the tracking job's functions, parsed once at the entry point. */
public record JobConfig(
        WatermarkConfig watermarks,
        PairingConfig pairing,
        QueryConfig queries,
        TracingConfig tracing,
        TrackStateConfig tracks)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public JobConfig {
        Objects.requireNonNull(watermarks, "watermarks");
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(tracks, "tracks");
    }

    public static JobConfig defaults() {
        return new JobConfig(
                WatermarkConfig.defaults(),
                PairingConfig.defaults(),
                QueryConfig.defaults(),
                TracingConfig.defaults(),
                TrackStateConfig.defaults());
    }

    public JobConfig withWatermarks(WatermarkConfig w) {
        return new JobConfig(w, pairing, queries, tracing, tracks);
    }

    public JobConfig withQueries(QueryConfig q) {
        return new JobConfig(watermarks, pairing, q, tracing, tracks);
    }

    public JobConfig withTracing(TracingConfig t) {
        return new JobConfig(watermarks, pairing, queries, t, tracks);
    }
}
