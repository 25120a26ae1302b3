package io.flowtrace.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link TrackStateFunction}.
 *
 * @param idleTimeout a camera with no response for this long has its tracks forgotten
 */
public record TrackStateConfig(Duration idleTimeout) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrackStateConfig {
        ConfigChecks.requirePositive("idleTimeout", idleTimeout);
    }

    /** One hour idle, like {@link QueryConfig#defaults()}. */
    public static TrackStateConfig defaults() {
        return new TrackStateConfig(Duration.ofHours(1));
    }
}
