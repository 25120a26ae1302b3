package io.flowtrace.cli.internal;

import java.time.Duration;
import java.time.Instant;

/** Waits on the wall clock, for sending recorded frames at their own speed. */
public final class Pacing {

    private Pacing() {}

    /** Sleeps until {@code when}; returns at once when it has passed. */
    public static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
