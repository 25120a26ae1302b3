package io.flowtrace.app.job;

import java.io.Serializable;
import java.util.Objects;

/** Every setting of the tracking job's functions, parsed once at the entry point. */
public record JobConfig(
        PairingConfig pairing, QueryConfig queries, TracingConfig tracing, TrackStateConfig tracks)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public JobConfig {
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(tracks, "tracks");
    }

    public static JobConfig defaults() {
        return new JobConfig(
                PairingConfig.defaults(),
                QueryConfig.defaults(),
                TracingConfig.defaults(),
                TrackStateConfig.defaults());
    }
}
