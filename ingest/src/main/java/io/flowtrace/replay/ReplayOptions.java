package io.flowtrace.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * What to replay.
 *
 * @param from the recorded topic
 * @param to the topic to produce to; must differ from {@code from}
 * @param startOffset first offset in every partition, or -1 to start at {@code startTime}
 * @param startTime first record time when {@code startOffset} is -1; null for the beginning
 * @param endTime records at or after this time are not replayed; null for up to the end as it was
 *     when the replay began
 * @param realtime keep the recorded gaps between records (by record timestamp)
 */
public record ReplayOptions(
        String from,
        String to,
        long startOffset,
        Instant startTime,
        Instant endTime,
        boolean realtime) {

    public ReplayOptions {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("replay into the topic it reads from: " + from);
        }
        if (startOffset < -1) {
            throw new IllegalArgumentException("start offset must be >= 0, was " + startOffset);
        }
        if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
            throw new IllegalArgumentException(
                    "end time " + endTime + " is not after start time " + startTime);
        }
    }
}
