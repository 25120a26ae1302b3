package io.flowtrace.job;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks for a live source that may go quiet: normally the watermark
 * trails the newest event time by {@code bound}; once no event has arrived for {@code quiet}
 * (processing time), it moves up to the newest event time, so the last frames of a camera that
 * paused or stopped are paired and tracked instead of waiting for a frame that may never come.
 * Watermarks never go back.
 *
 * @param <T> the event type
 */
public final class QuietTimeWatermarks<T> implements WatermarkGenerator<T> {

    private final long boundMillis;
    private final long quietNanos;
    private long newest = Long.MIN_VALUE;
    private long lastEventNanos;
    private long emitted = Long.MIN_VALUE;

    public QuietTimeWatermarks(Duration bound, Duration quiet) {
        if (bound.isNegative() || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException(
                    "bound must be >= 0 and quiet > 0, were " + bound + " and " + quiet);
        }
        this.boundMillis = bound.toMillis();
        this.quietNanos = quiet.toNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp == Long.MIN_VALUE) {
            return; // no event time (a dead letter): says nothing about the camera's clock
        }
        newest = Math.max(newest, eventTimestamp);
        lastEventNanos = System.nanoTime();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (newest == Long.MIN_VALUE) {
            return;
        }
        boolean quiet = System.nanoTime() - lastEventNanos >= quietNanos;
        long candidate =
                quiet || newest < Long.MIN_VALUE + boundMillis + 1
                        ? newest
                        : newest - boundMillis - 1;
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }
}
