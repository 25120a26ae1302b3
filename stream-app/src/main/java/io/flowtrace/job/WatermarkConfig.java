package io.flowtrace.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event time of the job's inputs.
 *
 * @param lateness how far out of capture-time order frames may arrive and still be paired in order;
 *     every frame waits this long for the watermark before it is paired
 * @param quiet after this long without frames from a partition, its watermark moves up to its
 *     newest frame (so a paused camera's last frames are tracked); after this long without queries,
 *     the query input no longer holds frames back; a partition without any records stops holding
 *     the watermark back after three times this long
 */
public record WatermarkConfig(Duration lateness, Duration quiet) implements Serializable {

    private static final long serialVersionUID = 1L;

    public WatermarkConfig {
        ConfigChecks.requirePositive("lateness", lateness);
        ConfigChecks.requirePositive("quiet", quiet);
    }

    /** 500 ms out of order, 1 s quiet. */
    public static WatermarkConfig defaults() {
        return new WatermarkConfig(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
