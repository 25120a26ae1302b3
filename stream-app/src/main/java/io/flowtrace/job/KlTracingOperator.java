package io.flowtrace.job;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.job.internal.CameraAnchors;
import io.flowtrace.job.internal.CameraTurns;
import io.flowtrace.job.internal.IdleTimer;
import io.flowtrace.job.internal.RequestTracker;
import io.flowtrace.job.internal.WatermarkHold;
import io.flowtrace.tracer.KlTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.SimpleTimerService;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.YieldingOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.function.ThrowingRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks each camera's requests with {@link KlTracer}, one at a time per camera and many cameras at
 * once, without ever blocking the task thread on the model; keyed by camera id.
 *
 * <p>One at a time, because where a pair tracks a point from depends on the pair before: a point
 * confidently seen is re-anchored on that sighting ({@link TracingConfig#reanchorAfter()}), so the
 * next pair tracks it straight from there, and an occluded point keeps trying from where it was
 * last seen. The requests of a camera wait in keyed state until their turn; the one being tracked
 * stays there until its result is emitted, so a restored job simply tracks it again. Up to {@link
 * TracingConfig#capacity()} cameras are tracked at once, on {@link TracingConfig#threads()}
 * threads; results come back through the task's mailbox, so all state is touched on the task thread
 * only. In complete mode more than {@link #QUEUED_PER_SLOT} times the capacity of waiting requests
 * backpressures the input; live mode never holds it back.
 *
 * <p>Never fails the job on a request: bad frames and model exceptions complete as {@link
 * TrackResponse.Outcome#FAILED} with a dead letter, a request not done within {@link
 * TracingConfig#timeout()} as {@link TrackResponse.Outcome#TIMED_OUT}. In live mode a camera's
 * newer pair supersedes its waiting one, and a pair that waited longer than {@link
 * TracingConfig#liveMaxLag()} for its turn is not tracked; both are {@link
 * TrackResponse.Outcome#SKIPPED} with the reason. Cameras take turns least recently started first
 * ({@link CameraTurns}). A camera with nothing to track for the idle timeout is forgotten. A {@link
 * Error} thrown while tracking is no fault of the pair's: it fails the task, and the job restarts
 * from its last checkpoint.
 */
public final class KlTracingOperator extends AbstractStreamOperator<TrackResponse>
        implements OneInputStreamOperator<TrackRequest, TrackResponse>,
                YieldingOperator<TrackResponse>,
                BoundedOneInput,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KlTracingOperator.class);

    /** Stable uid and name of the operator. */
    public static final String UID = "kl-tracing-per-camera";

    /** Waiting requests allowed per request in flight before the input is backpressured. */
    public static final int QUEUED_PER_SLOT = 4;

    public static final String METRIC_FAILED_REQUESTS = "failedRequests";
    public static final String METRIC_TIMED_OUT_REQUESTS = "timedOutRequests";
    public static final String METRIC_SKIPPED_PAIRS = "skippedPairs";
    public static final String METRIC_QUEUED_REQUESTS = "queuedRequests";

    private static final String QUEUE = "tracking-queue";

    private static final String SUPERSEDED = "live mode: a newer pair of the camera waits; skipped";

    private final TracingConfig config;
    private final long idleMillis;

    private transient MailboxExecutor mailbox;
    private transient ProbeModel model;
    private transient RequestTracker tracker;
    private transient ExecutorService executor;
    private transient ListState<TrackRequest> queue;
    private transient IdleTimer idle;
    private transient CameraAnchors anchors;
    private transient TimerService idleTimers;
    private transient Map<String, Running> running;
    private transient CameraTurns turns;

    /** The waiting requests' capture times: what holds the watermark back. */
    private transient WatermarkHold hold;

    private transient long attempts;
    private transient Counter failedRequests;
    private transient Counter timedOutRequests;
    private transient Counter skippedPairs;

    /**
     * The request of a camera being tracked: its model call and, once the call runs, its timeout.
     */
    private static final class Running {
        final long attempt;
        Future<?> call;
        ScheduledFuture<?> timeout;

        Running(long attempt) {
            this.attempt = attempt;
        }

        void cancel() {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (call != null) {
                call.cancel(true);
            }
        }
    }

    /**
     * @param idleTimeout a camera with nothing to track for this long has its anchors forgotten
     */
    public KlTracingOperator(TracingConfig config, Duration idleTimeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.idleMillis = idleTimeout.toMillis();
        if (idleMillis <= 0) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
    }

    @Override
    public void setMailboxExecutor(MailboxExecutor mailboxExecutor) {
        this.mailbox = mailboxExecutor;
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (mailbox == null) { // not created through a factory that hands it over
            mailbox =
                    getContainingTask()
                            .getMailboxExecutorFactory()
                            .createExecutor(getOperatorConfig().getChainIndex());
        }
        var context = getRuntimeContext();
        queue = context.getListState(new ListStateDescriptor<>(QUEUE, TrackRequest.class));
        idle = new IdleTimer(context, Duration.ofMillis(idleMillis));
        anchors = new CameraAnchors(context);
        idleTimers =
                new SimpleTimerService(
                        getInternalTimerService(
                                "tracking-idle", VoidNamespaceSerializer.INSTANCE, this));
        running = new HashMap<>();
        turns = new CameraTurns(config.live() ? config.liveMaxLag() : null);
        hold = new WatermarkHold();
        var metrics = getMetricGroup();
        failedRequests = metrics.counter(METRIC_FAILED_REQUESTS);
        timedOutRequests = metrics.counter(METRIC_TIMED_OUT_REQUESTS);
        skippedPairs = metrics.counter(METRIC_SKIPPED_PAIRS);
        metrics.gauge(METRIC_QUEUED_REQUESTS, () -> hold.size());
        model = config.model().create();
        tracker =
                new RequestTracker(
                        new KlTracer(model, config.recipe()),
                        model.modelId(),
                        config.framesTopic());
        executor =
                Executors.newFixedThreadPool(
                        config.threads(),
                        threads(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()));
        resumeRestoredCameras();
    }

    /** Requests restored from a checkpoint wait in state: count them and start tracking them. */
    private void resumeRestoredCameras() throws Exception {
        List<String> cameras;
        KeyedStateBackend<String> backend = getKeyedStateBackend();
        try (Stream<String> keys = backend.getKeys(QUEUE, VoidNamespace.INSTANCE)) {
            cameras = keys.toList();
        }
        for (String camera : cameras) {
            setCurrentKey(camera);
            List<TrackRequest> waiting = pending();
            waiting.forEach(this::countIn);
            if (!waiting.isEmpty()) {
                turns.waiting(camera, waiting.get(waiting.size() - 1).receivedAtMillis());
            }
        }
        startReady();
    }

    @Override
    public void processElement(StreamRecord<TrackRequest> element) throws Exception {
        TrackRequest request = element.getValue();
        String camera = request.cameraId();
        queue.add(request);
        countIn(request);
        touchIdle();
        boolean isRunning = running.containsKey(camera);
        if (config.live()) {
            // a newer pair supersedes the waiting ones at once, so a camera never holds more than
            // the pair being tracked and its newest, and the input is never held back
            List<TrackRequest> pending = pending();
            int keep = isRunning ? 2 : 1;
            if (pending.size() > keep) {
                List<TrackRequest> head = isRunning ? pending.subList(0, 1) : List.of();
                List<TrackRequest> rest = pending.subList(head.size(), pending.size());
                skip(rest, rest.size() - 1, head, r -> SUPERSEDED);
            }
        }
        if (!isRunning) {
            turns.waiting(camera, request.receivedAtMillis());
            startReady();
        }
        while (!config.live() && hold.size() > QUEUED_PER_SLOT * config.capacity()) {
            mailbox.yield();
        }
    }

    @Override
    public void endInput() throws Exception {
        while (hold.size() > 0) {
            mailbox.yield();
        }
    }

    /** Starts waiting cameras in {@link CameraTurns} order while capacity is free. */
    private void startReady() throws Exception {
        while (running.size() < config.capacity() && !turns.isEmpty()) {
            long now = getProcessingTimeService().getCurrentProcessingTime();
            CameraTurns.Turn turn = turns.next(now);
            for (String late : turn.late()) {
                setCurrentKey(late);
                List<TrackRequest> pending = pending();
                skip(
                        pending,
                        pending.size(),
                        r ->
                                "live mode: the pair waited "
                                        + (now - r.receivedAtMillis())
                                        + " ms, more than the "
                                        + config.liveMaxLag().toMillis()
                                        + " ms allowed; skipped");
            }
            if (turn.camera() != null) {
                start(turn.camera());
            }
        }
    }

    private void start(String camera) throws Exception {
        setCurrentKey(camera);
        List<TrackRequest> pending = pending();
        if (pending.isEmpty()) {
            return;
        }
        int superseded = turns.superseded(pending.size());
        skip(pending, superseded, r -> SUPERSEDED);
        TrackRequest resolved = anchors.resolve(pending.get(superseded));
        Running run = new Running(++attempts);
        running.put(camera, run);
        run.call =
                executor.submit(
                        () -> {
                            toMailbox(camera, () -> started(camera, run), "call started");
                            TrackResponse response = null;
                            Throwable error = null;
                            try {
                                response = tracker.track(resolved);
                            } catch (Throwable t) { // an Error: done() fails the task
                                error = t;
                            }
                            TrackResponse r = response;
                            Throwable e = error;
                            toMailbox(camera, () -> done(camera, run, r, e), "result");
                        });
    }

    /**
     * Publishes the first {@code count} of the current camera's {@code pending} requests as {@link
     * TrackResponse.Outcome#SKIPPED}, with the reason {@code why} gives, and drops them from its
     * queue.
     */
    private void skip(List<TrackRequest> pending, int count, Function<TrackRequest, String> why)
            throws Exception {
        skip(pending, count, List.of(), why);
    }

    /** As {@link #skip(List, int, Function)}, with {@code kept} staying at the queue's head. */
    private void skip(
            List<TrackRequest> pending,
            int count,
            List<TrackRequest> kept,
            Function<TrackRequest, String> why)
            throws Exception {
        if (count == 0) {
            return;
        }
        for (TrackRequest skipped : pending.subList(0, count)) {
            skippedPairs.inc();
            countOut(skipped);
            anchors.forget(skipped.removedPointIds());
            emit(TrackResponse.skipped(skipped, tracker.modelId(), why.apply(skipped)));
        }
        List<TrackRequest> left = new ArrayList<>(kept);
        left.addAll(pending.subList(count, pending.size()));
        queue.update(left);
        forwardWatermark();
    }

    /** Runs {@code action} on the task thread; dropped when the task is closing. */
    private void toMailbox(String camera, ThrowingRunnable<Exception> action, String what) {
        try {
            mailbox.execute(action::run, "tracking %s of camera %s", what, camera);
        } catch (RejectedExecutionException | IllegalStateException e) {
            // the mailbox is closed: the task is going down, and the request is still in state
            LOG.debug("camera {}: {} after the task closed", camera, what);
        }
    }

    /** The model call began (it may have waited for a thread): its timeout starts now. */
    private void started(String camera, Running run) {
        if (running.get(camera) == run) {
            run.timeout =
                    getProcessingTimeService()
                            .registerTimer(
                                    getProcessingTimeService().getCurrentProcessingTime()
                                            + config.timeout().toMillis(),
                                    time -> timedOut(camera, run));
        }
    }

    private void timedOut(String camera, Running run) throws Exception {
        if (running.get(camera) != run) {
            return;
        }
        timedOutRequests.inc();
        run.cancel(); // interrupts the model call, freeing its thread if the model lets it
        finish(
                camera,
                head ->
                        TrackResponse.timedOut(
                                head,
                                tracker.modelId(),
                                "no result within " + config.timeout().toMillis() + " ms"));
    }

    private void done(String camera, Running run, TrackResponse response, Throwable error)
            throws Exception {
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        if (cause instanceof Error fatal) {
            // not a bad pair, and not to be lost behind a timeout: fail the task, so the job
            // restarts from its last checkpoint
            throw fatal;
        }
        if (running.get(camera) != run) {
            return; // timed out before
        }
        run.cancel();
        finish(
                camera,
                head -> {
                    if (cause != null) {
                        failedRequests.inc();
                        return TrackResponse.failed(
                                head, tracker.modelId(), "tracking failed: " + cause, null);
                    }
                    if (response.outcome() == TrackResponse.Outcome.FAILED) {
                        failedRequests.inc();
                    }
                    return response;
                });
    }

    /** Ends the camera's running request with {@code outcome}, then starts what waits. */
    private void finish(String camera, ResponseFor outcome) throws Exception {
        running.remove(camera);
        setCurrentKey(camera);
        List<TrackRequest> pending = pending();
        TrackRequest head = pending.get(0);
        queue.update(new ArrayList<>(pending.subList(1, pending.size())));
        countOut(head);
        TrackResponse response = outcome.of(head);
        if (response.outcome() == TrackResponse.Outcome.TRACKED) {
            response = anchors.advance(head, response, config.reanchorAfter());
        } else {
            anchors.forget(head.removedPointIds());
        }
        emit(response);
        forwardWatermark();
        touchIdle();
        if (pending.size() > 1) {
            turns.waiting(camera, pending.get(pending.size() - 1).receivedAtMillis());
        }
        startReady();
    }

    /** Counts {@code request} as waiting. */
    private void countIn(TrackRequest request) {
        hold.add(captureMillis(request));
    }

    /** Counts {@code request} as no longer waiting (its response is being emitted). */
    private void countOut(TrackRequest request) {
        hold.remove(captureMillis(request));
    }

    private static long captureMillis(TrackRequest request) {
        return request.later().getCaptureTime().toEpochMilli();
    }

    /**
     * Holds each watermark back until every waiting pair captured at or before it has its response
     * out, so responses are never late for event-time operators downstream.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        hold.input(mark.getTimestamp());
        forwardWatermark();
    }

    private void forwardWatermark() {
        hold.advance().ifPresent(w -> output.emitWatermark(new Watermark(w)));
    }

    @FunctionalInterface
    private interface ResponseFor {
        TrackResponse of(TrackRequest head) throws Exception;
    }

    private void emit(TrackResponse response) {
        output.collect(new StreamRecord<>(response, response.captureTimeMillis()));
    }

    private List<TrackRequest> pending() throws Exception {
        List<TrackRequest> list = new ArrayList<>();
        Iterable<TrackRequest> stored = queue.get();
        if (stored != null) {
            stored.forEach(list::add);
        }
        return list;
    }

    private void touchIdle() throws Exception {
        idle.touch(idleTimers);
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        if (idle.isDue(timer.getTimestamp(), idleTimers)
                && !running.containsKey(timer.getKey())
                && pending().isEmpty()) {
            anchors.clear();
            idle.clear(idleTimers);
            turns.forget(timer.getKey());
        }
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) {}

    @Override
    public void close() throws Exception {
        try {
            if (executor != null) {
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
            if (model != null) {
                model.close();
            }
        } finally {
            super.close();
        }
    }

    @VisibleForTesting
    int queued() {
        return hold.size();
    }

    @VisibleForTesting
    int keptFrames(String camera) throws Exception {
        setCurrentKey(camera);
        return anchors.keptFrames();
    }

    /** The type of the operator's output, for {@code DataStream#transform}. */
    public static TypeInformation<TrackResponse> outputType() {
        return TypeInformation.of(TrackResponse.class);
    }

    private static ThreadFactory threads(int subtask) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t =
                    new Thread(runnable, "kl-tracing-" + subtask + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
