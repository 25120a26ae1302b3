package io.flowtrace.job.internal;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * A per-key processing-time timer that fires once a key has been quiet for a timeout, so that keyed
 * functions can forget cameras that went away. Its deadline lives in keyed state, so only the
 * latest timer is ever registered.
 */
public final class IdleTimer {

    private final ValueState<Long> deadline;
    private final long timeoutMillis;

    /** Processing time of the first touch or timer in this run of the job; MIN_VALUE before. */
    private long runStart = Long.MIN_VALUE;

    /** Must be created in {@code open()} of a keyed function. */
    public IdleTimer(RuntimeContext context, Duration timeout) {
        this.deadline = context.getState(new ValueStateDescriptor<>("idle-deadline", Types.LONG));
        this.timeoutMillis = timeout.toMillis();
    }

    /** Restarts the current key's countdown. */
    public void touch(TimerService timers) throws IOException {
        Long current = deadline.value();
        long next = noteRun(timers) + timeoutMillis;
        if (current != null) {
            if (current == next) {
                return;
            }
            timers.deleteProcessingTimeTimer(current);
        }
        timers.registerProcessingTimeTimer(next);
        deadline.update(next);
    }

    /**
     * True when a processing-time timer at {@code timestamp} is the current key's idle timer and
     * the key has been quiet for the whole timeout. A key last active before this run of the job
     * (restored from a checkpoint after the job was down) counts its quiet time from the run's
     * start: its timer is set again for then, and this returns false.
     */
    public boolean isDue(long timestamp, TimerService timers) throws IOException {
        noteRun(timers);
        long started = runStart;
        Long current = deadline.value();
        if (current == null || current != timestamp) {
            return false;
        }
        long lastActive = current - timeoutMillis;
        long fromRunStart = started + timeoutMillis;
        if (lastActive < started && fromRunStart > timestamp) {
            timers.registerProcessingTimeTimer(fromRunStart);
            deadline.update(fromRunStart);
            return false;
        }
        return true;
    }

    private long noteRun(TimerService timers) {
        long now = timers.currentProcessingTime();
        if (runStart == Long.MIN_VALUE) {
            runStart = now;
        }
        return now;
    }

    /** Deletes the current key's timer and its state. */
    public void clear(TimerService timers) throws IOException {
        Long current = deadline.value();
        if (current != null) {
            timers.deleteProcessingTimeTimer(current);
        }
        deadline.clear();
    }
}
