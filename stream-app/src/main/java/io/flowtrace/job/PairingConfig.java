package io.flowtrace.job;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of {@link FramePairingFunction}.
 *
 * @param maxBufferedFrames frames a camera may hold back for reordering; beyond this the oldest is
 *     released early
 * @param idleTimeout a camera that sends nothing for this long has its buffer flushed and its state
 *     cleared
 */
public record PairingConfig(int maxBufferedFrames, Duration idleTimeout) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PairingConfig {
        if (maxBufferedFrames < 1) {
            throw new IllegalArgumentException(
                    "maxBufferedFrames must be >= 1, was " + maxBufferedFrames);
        }
        ConfigChecks.requirePositive("idleTimeout", idleTimeout);
    }

    /** 64 buffered frames, 10 minutes idle. */
    public static PairingConfig defaults() {
        return new PairingConfig(64, Duration.ofMinutes(10));
    }
}
