package io.flowtrace.app.job.internal;

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

    /** Must be created in {@code open()} of a keyed function. */
    public IdleTimer(RuntimeContext context, Duration timeout) {
        this.deadline = context.getState(new ValueStateDescriptor<>("idle-deadline", Types.LONG));
        this.timeoutMillis = timeout.toMillis();
    }

    /** Restarts the current key's countdown. */
    public void touch(TimerService timers) throws IOException {
        Long current = deadline.value();
        long next = timers.currentProcessingTime() + timeoutMillis;
        if (current != null) {
            if (current == next) {
                return;
            }
            timers.deleteProcessingTimeTimer(current);
        }
        timers.registerProcessingTimeTimer(next);
        deadline.update(next);
    }

    /** True when a processing-time timer at {@code timestamp} is the current key's idle timer. */
    public boolean isDue(long timestamp) throws IOException {
        Long current = deadline.value();
        return current != null && current == timestamp;
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
