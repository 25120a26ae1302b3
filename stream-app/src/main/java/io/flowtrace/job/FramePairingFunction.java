package io.flowtrace.job;

import io.flowtrace.job.internal.BufferedFrame;
import io.flowtrace.job.internal.IdleTimer;
import io.flowtrace.job.internal.ReleasedSequences;
import io.flowtrace.job.internal.ReorderIndex;
import io.flowtrace.schema.Frame;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Pairs each camera's consecutive frames in sequence order; keyed by camera id, event time is the
 * capture time.
 *
 * <p>Each frame waits in a reorder buffer until the watermark passes its capture time, then is
 * released with every buffered frame of lower sequence, lowest first; a released frame forms a pair
 * with the one released before it. Frames that arrive out of order within the watermark's bound are
 * thus put back in order. A sequence already buffered or released is a duplicate (normal under
 * at-least-once ingest): dropped and counted. A frame older than the newest released one that is
 * not a duplicate is too late: counted and sent to {@link #LATE_FRAMES}. A buffer over {@link
 * PairingConfig#maxBufferedFrames()} releases its oldest frame early. A camera quiet for {@link
 * PairingConfig#idleTimeout()} has its buffer released and all its state and timers cleared.
 */
public class FramePairingFunction extends KeyedProcessFunction<String, Frame, FramePair> {

    private static final long serialVersionUID = 1L;

    /** Stable uid and name of the operator. */
    public static final String UID = "frame-pairing";

    /** Frames that arrived after a newer frame of their camera had been paired. */
    public static final OutputTag<LateFrame> LATE_FRAMES =
            new OutputTag<>("late-frames", TypeInformation.of(LateFrame.class));

    public static final String METRIC_DUPLICATE_FRAMES = "duplicateFrames";
    public static final String METRIC_LATE_FRAMES = "lateFrames";
    public static final String METRIC_MISSING_FRAMES = "missingFrames";
    public static final String METRIC_REORDER_OVERFLOWS = "reorderOverflows";
    public static final String METRIC_SEQUENCE_RESTARTS = "sequenceRestarts";

    /** Sequences back that, with a later capture time, mean a numbering restart. */
    static final long RESTART_MIN_BACK = 16;

    /** Capture-time gap that, with a sequence not after the newest, means a numbering restart. */
    static final long RESTART_MIN_GAP_MILLIS = 1000;

    private final PairingConfig config;

    private transient ValueState<Frame> newest;
    private transient ValueState<Long> released;
    private transient ValueState<ReorderIndex> index;
    private transient MapState<Long, BufferedFrame> buffer;
    private transient IdleTimer idle;
    private transient Counter duplicateFrames;
    private transient Counter lateFrames;
    private transient Counter missingFrames;
    private transient Counter reorderOverflows;
    private transient Counter sequenceRestarts;

    public FramePairingFunction(PairingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        var context = getRuntimeContext();
        newest = context.getState(new ValueStateDescriptor<>("newest-frame", Frame.class));
        released = context.getState(new ValueStateDescriptor<>("released-mask", Types.LONG));
        index = context.getState(new ValueStateDescriptor<>("reorder-index", ReorderIndex.class));
        buffer =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "reorder-buffer",
                                Types.LONG,
                                TypeInformation.of(BufferedFrame.class)));
        idle = new IdleTimer(context, config.idleTimeout());
        MetricGroup metrics = context.getMetricGroup();
        duplicateFrames = metrics.counter(METRIC_DUPLICATE_FRAMES);
        lateFrames = metrics.counter(METRIC_LATE_FRAMES);
        missingFrames = metrics.counter(METRIC_MISSING_FRAMES);
        reorderOverflows = metrics.counter(METRIC_REORDER_OVERFLOWS);
        sequenceRestarts = metrics.counter(METRIC_SEQUENCE_RESTARTS);
    }

    @Override
    public void processElement(Frame frame, Context ctx, Collector<FramePair> out)
            throws Exception {
        TimerService timers = ctx.timerService();
        idle.touch(timers);
        long sequence = frame.getSequence();
        long captureTime = frame.getCaptureTime().toEpochMilli();
        Frame last = newest.value();
        if (last != null && restarted(last, sequence, captureTime)) {
            // Without this the camera's new frames would all look late, and keep it from ever
            // going idle.
            sequenceRestarts.inc();
            forget(timers, out);
            last = null;
        }
        ReorderIndex buffered = currentIndex();
        if (buffered.contains(sequence)
                || (last != null
                        && ReleasedSequences.contains(
                                released.value(), last.getSequence(), sequence))) {
            duplicateFrames.inc();
        } else if (last != null && sequence < last.getSequence()) {
            lateFrames.inc();
            ctx.output(LATE_FRAMES, new LateFrame(frame, last.getSequence()));
        } else {
            saveIndex(hold(frame, buffered, timers, out));
        }
    }

    /**
     * Whether a frame with {@code sequence} and {@code captureTime} means the camera restarted its
     * numbering: its sequence is not after the newest released one while its capture time is, and
     * either it lies {@link #RESTART_MIN_BACK} or more sequences back or it came {@link
     * #RESTART_MIN_GAP_MILLIS} or more after. A frame a little back and a little later is a late
     * frame with a jittery clock.
     */
    private static boolean restarted(Frame newest, long sequence, long captureTime) {
        long back = newest.getSequence() - sequence;
        long gap = captureTime - newest.getCaptureTime().toEpochMilli();
        return back >= 0 && gap > 0 && (back >= RESTART_MIN_BACK || gap >= RESTART_MIN_GAP_MILLIS);
    }

    /** Buffers {@code frame} and releases what it makes releasable; returns the new index. */
    private ReorderIndex hold(
            Frame frame, ReorderIndex buffered, TimerService timers, Collector<FramePair> out)
            throws Exception {
        long sequence = frame.getSequence();
        long captureTime = frame.getCaptureTime().toEpochMilli();
        buffer.put(sequence, new BufferedFrame(frame, timers.currentProcessingTime()));
        ReorderIndex held = buffered.with(sequence, captureTime);
        timers.registerEventTimeTimer(captureTime);
        if (captureTime <= timers.currentWatermark()) {
            // Already behind the watermark: nothing older can still come, release it now.
            return release(held, sequence, timers, out);
        }
        if (held.size() > config.maxBufferedFrames()) {
            reorderOverflows.inc();
            return release(held, held.first(), timers, out);
        }
        return held;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FramePair> out)
            throws Exception {
        TimerService timers = ctx.timerService();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            ReorderIndex buffered = currentIndex();
            OptionalLong upTo = buffered.ripeUpTo(timestamp);
            if (upTo.isPresent()) {
                saveIndex(release(buffered, upTo.getAsLong(), timers, out));
            }
        } else if (idle.isDue(timestamp, timers)) {
            forget(timers, out);
            idle.clear(timers);
        }
    }

    /** Releases every buffered frame, then clears the camera's pairing state. */
    private void forget(TimerService timers, Collector<FramePair> out) throws Exception {
        ReorderIndex buffered = currentIndex();
        if (!buffered.isEmpty()) {
            release(buffered, buffered.last(), timers, out);
        }
        newest.clear();
        released.clear();
        index.clear();
        buffer.clear();
    }

    /** Releases every buffered frame up to {@code upTo}, lowest first; returns what is left. */
    private ReorderIndex release(
            ReorderIndex buffered, long upTo, TimerService timers, Collector<FramePair> out)
            throws Exception {
        ReorderIndex left = buffered;
        while (!left.isEmpty() && left.first() <= upTo) {
            long sequence = left.first();
            long captureTime = left.captureTimeOf(sequence);
            BufferedFrame frame = buffer.get(sequence);
            buffer.remove(sequence);
            left = left.withoutFirst();
            if (!left.hasCaptureTime(captureTime)) {
                timers.deleteEventTimeTimer(captureTime);
            }
            emit(frame, out);
        }
        return left;
    }

    private void emit(BufferedFrame buffered, Collector<FramePair> out) throws Exception {
        Frame frame = buffered.frame();
        Frame last = newest.value();
        if (last == null) {
            released.update(1L);
        } else {
            long gap = frame.getSequence() - last.getSequence() - 1;
            missingFrames.inc(gap);
            out.collect(
                    new FramePair(
                            frame.getCameraId(),
                            last,
                            frame,
                            (int) Math.min(gap, Integer.MAX_VALUE),
                            buffered.receivedAtMillis()));
            released.update(
                    ReleasedSequences.advance(
                            released.value(), last.getSequence(), frame.getSequence()));
        }
        newest.update(frame);
    }

    private ReorderIndex currentIndex() throws Exception {
        ReorderIndex current = index.value();
        return current == null ? ReorderIndex.empty() : current;
    }

    private void saveIndex(ReorderIndex buffered) throws Exception {
        if (buffered.isEmpty()) {
            index.clear();
        } else {
            index.update(buffered);
        }
    }
}
