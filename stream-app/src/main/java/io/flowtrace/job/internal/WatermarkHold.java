package io.flowtrace.job.internal;

import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Holds an operator's watermark back behind the requests it still has waiting: the watermark out
 * never passes a waiting request's event time, so the request's response, emitted later with that
 * time, is never late for event-time operators downstream. Knows nothing of Flink; the operator
 * tells it what waits and what watermark came in, and emits what {@link #advance()} allows.
 */
public final class WatermarkHold {

    /** Event times of the waiting requests, with counts. */
    private final TreeMap<Long, Integer> waiting = new TreeMap<>();

    private long input = Long.MIN_VALUE;
    private long output = Long.MIN_VALUE;
    private int size;

    /** A request with event time {@code millis} now waits. */
    public void add(long millis) {
        waiting.merge(millis, 1, Integer::sum);
        size++;
    }

    /**
     * A request with event time {@code millis} no longer waits (its response is out).
     *
     * @throws IllegalStateException when no request with that time waits
     */
    public void remove(long millis) {
        Integer n = waiting.get(millis);
        if (n == null) {
            throw new IllegalStateException("no waiting request at " + millis);
        }
        if (n == 1) {
            waiting.remove(millis);
        } else {
            waiting.put(millis, n - 1);
        }
        size--;
    }

    /** Requests waiting now. */
    public int size() {
        return size;
    }

    /** A watermark came in; a lower one than before changes nothing. */
    public void input(long watermark) {
        input = Math.max(input, watermark);
    }

    /**
     * The watermark to emit now: the input watermark, held below the earliest waiting request's
     * time; empty when that is not ahead of the last one emitted.
     */
    public OptionalLong advance() {
        long allowed = waiting.isEmpty() ? input : Math.min(input, waiting.firstKey() - 1);
        if (allowed > output) {
            output = allowed;
            return OptionalLong.of(allowed);
        }
        return OptionalLong.empty();
    }
}
