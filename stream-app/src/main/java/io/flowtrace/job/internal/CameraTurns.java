package io.flowtrace.job.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whose turn it is: the order in which one tracking operator serves the cameras that have pairs
 * waiting, and what live mode skips when a turn comes. Holds no pairs, only each waiting camera's
 * newest arrival time, so it knows nothing of Flink; the operator tells it which cameras wait and
 * asks it whom to start.
 *
 * <p>Cameras are served least recently started first (never started before any other, then in the
 * order they began to wait), so past saturation every camera gets its share of the capacity and
 * none is starved by the rhythm of the others.
 *
 * <p>In live mode, with a maximum lag, a turn tracks the camera's newest waiting pair and skips the
 * older ones ({@link #superseded}); a camera whose newest pair has waited longer than the lag is
 * late, and its pairs are skipped at the next turn ({@link Turn#late()}). No pair is tracked that
 * waited longer than the lag, so a tracked pair's time in the job is bounded by the lag and its
 * tracking time, however many cameras wait. A camera that keeps sending frames always has a fresh
 * newest pair, so it is never starved by the rule.
 */
public final class CameraTurns {

    /**
     * The camera to start now, or {@code null} when every waiting camera was late, and the late
     * cameras whose waiting pairs are to be skipped.
     */
    public record Turn(String camera, List<String> late) {
        public Turn {
            late = List.copyOf(late);
        }
    }

    private final long maxLagMillis;

    /** Cameras with pairs waiting and not being tracked, in the order they began to wait. */
    private final LinkedHashMap<String, Long> newestArrival = new LinkedHashMap<>();

    /** The start count at each camera's last start. */
    private final Map<String, Long> lastStart = new HashMap<>();

    private long starts;

    /**
     * @param liveMaxLag the live mode's maximum lag, or {@code null} for complete mode, where every
     *     pair is tracked
     */
    public CameraTurns(Duration liveMaxLag) {
        if (liveMaxLag != null && (liveMaxLag.isZero() || liveMaxLag.isNegative())) {
            throw new IllegalArgumentException("liveMaxLag must be positive, was " + liveMaxLag);
        }
        this.maxLagMillis = liveMaxLag == null ? -1 : liveMaxLag.toMillis();
    }

    public boolean live() {
        return maxLagMillis >= 0;
    }

    /**
     * Says that {@code camera}, not being tracked, has pairs waiting, the newest received at {@code
     * newestArrivalMillis}; a camera already waiting keeps its place.
     */
    public void waiting(String camera, long newestArrivalMillis) {
        newestArrival.put(Objects.requireNonNull(camera, "camera"), newestArrivalMillis);
    }

    public boolean isEmpty() {
        return newestArrival.isEmpty();
    }

    /** Cameras waiting now. */
    public int size() {
        return newestArrival.size();
    }

    /**
     * The next turn at {@code nowMillis}: the camera to start, which stops waiting, and in live
     * mode the late cameras to skip, which stop waiting too. Throws when no camera waits.
     */
    public Turn next(long nowMillis) {
        if (newestArrival.isEmpty()) {
            throw new IllegalStateException("no camera waits");
        }
        List<String> late = new ArrayList<>();
        String chosen = null;
        for (Map.Entry<String, Long> e : newestArrival.entrySet()) {
            if (live() && nowMillis - e.getValue() > maxLagMillis) {
                late.add(e.getKey());
            } else if (chosen == null || startedBefore(e.getKey(), chosen)) {
                chosen = e.getKey();
            }
        }
        late.forEach(newestArrival::remove);
        if (chosen != null) {
            newestArrival.remove(chosen);
            lastStart.put(chosen, ++starts);
        }
        return new Turn(chosen, late);
    }

    /** True when {@code a} was last started before {@code b} (never counts as earliest). */
    private boolean startedBefore(String a, String b) {
        return lastStart.getOrDefault(a, 0L) < lastStart.getOrDefault(b, 0L);
    }

    /**
     * How many of a camera's {@code waiting} pairs, oldest first, its turn skips before the one it
     * tracks: in live mode all but the newest, in complete mode none.
     */
    public int superseded(int waiting) {
        if (waiting < 1) {
            throw new IllegalArgumentException("a turn needs a waiting pair, had " + waiting);
        }
        return live() ? waiting - 1 : 0;
    }

    /** Forgets an idle camera's place in the order. */
    public void forget(String camera) {
        newestArrival.remove(camera);
        lastStart.remove(camera);
    }
}
