package io.flowtrace.app.job;

import io.flowtrace.app.job.internal.CameraAnchors;
import io.flowtrace.app.job.internal.RequestTracker;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.tracer.KlTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.YieldingOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
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
 * only. More than {@link #QUEUED_PER_SLOT} times the capacity of waiting requests backpressures the
 * input.
 *
 * <p>Never fails the job on a request: bad frames and model exceptions complete as {@link
 * TrackResponse.Outcome#FAILED} with a dead letter, a request not done within {@link
 * TracingConfig#timeout()} as {@link TrackResponse.Outcome#TIMED_OUT}. In live mode a request that
 * waited longer than {@link TracingConfig#liveMaxLag()} is {@link TrackResponse.Outcome#SKIPPED}
 * when a newer one of its camera is waiting, so the camera jumps to its newest pair. A camera with
 * nothing to track for the idle timeout is forgotten. A {@link Error} thrown while tracking is no
 * fault of the pair's: it fails the task, and the job restarts from its last checkpoint.
 */
public final class KlTracingOperator extends AbstractStreamOperator<TrackResponse>
        implements OneInputStreamOperator<TrackRequest, TrackResponse>,
                YieldingOperator<TrackResponse>,
                BoundedOneInput,
                Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KlTracingOperator.class);

    /** Stable uid and name of the operator. */
    public static final String UID = "kl-tracing";

    /** Waiting requests allowed per request in flight before the input is backpressured. */
    public static final int QUEUED_PER_SLOT = 4;

    public static final String METRIC_FAILED_REQUESTS = "failedRequests";
    public static final String METRIC_TIMED_OUT_REQUESTS = "timedOutRequests";
    public static final String METRIC_SKIPPED_PAIRS = "skippedPairs";
    public static final String METRIC_QUEUED_REQUESTS = "queuedRequests";

    private static final String QUEUE = "tracking-queue";

    private final TracingConfig config;
    private final long idleMillis;

    private transient MailboxExecutor mailbox;
    private transient ProbeModel model;
    private transient RequestTracker tracker;
    private transient ExecutorService executor;
    private transient ListState<TrackRequest> queue;
    private transient ValueState<Long> idleDeadline;
    private transient CameraAnchors anchors;
    private transient InternalTimerService<VoidNamespace> idleTimers;
    private transient Map<String, Running> running;
    private transient LinkedHashSet<String> ready;
    private transient int queued;
    private transient long attempts;
    private transient Counter failedRequests;
    private transient Counter timedOutRequests;
    private transient Counter skippedPairs;

    /** The request of a camera being tracked, and its timeout. */
    private record Running(long attempt, ScheduledFuture<?> timeout) {}

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
        idleDeadline =
                context.getState(new ValueStateDescriptor<>("tracking-idle-deadline", Types.LONG));
        anchors = new CameraAnchors(context);
        idleTimers =
                getInternalTimerService("tracking-idle", VoidNamespaceSerializer.INSTANCE, this);
        running = new HashMap<>();
        ready = new LinkedHashSet<>();
        var metrics = getMetricGroup();
        failedRequests = metrics.counter(METRIC_FAILED_REQUESTS);
        timedOutRequests = metrics.counter(METRIC_TIMED_OUT_REQUESTS);
        skippedPairs = metrics.counter(METRIC_SKIPPED_PAIRS);
        metrics.gauge(METRIC_QUEUED_REQUESTS, () -> queued);
        model = config.model().create();
        tracker =
                new RequestTracker(
                        new KlTracer(model, config.recipe().get()),
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
            int n = pending().size();
            if (n > 0) {
                queued += n;
                ready.add(camera);
            }
        }
        startReady();
    }

    @Override
    public void processElement(StreamRecord<TrackRequest> element) throws Exception {
        TrackRequest request = element.getValue();
        String camera = request.cameraId();
        queue.add(request);
        queued++;
        touchIdle();
        if (!running.containsKey(camera)) {
            ready.add(camera);
            startReady();
        }
        while (queued > QUEUED_PER_SLOT * config.capacity()) {
            mailbox.yield();
        }
    }

    @Override
    public void endInput() throws Exception {
        while (queued > 0) {
            mailbox.yield();
        }
    }

    /** Starts waiting cameras, oldest first, while fewer than the capacity are being tracked. */
    private void startReady() throws Exception {
        while (running.size() < config.capacity() && !ready.isEmpty()) {
            Iterator<String> first = ready.iterator();
            String camera = first.next();
            first.remove();
            start(camera);
        }
    }

    private void start(String camera) throws Exception {
        setCurrentKey(camera);
        List<TrackRequest> pending = pending();
        if (pending.isEmpty()) {
            return;
        }
        long now = getProcessingTimeService().getCurrentProcessingTime();
        int stale = 0;
        if (config.live()) {
            while (stale < pending.size() - 1
                    && now - pending.get(stale).receivedAtMillis()
                            > config.liveMaxLag().toMillis()) {
                stale++;
            }
        }
        for (TrackRequest skipped : pending.subList(0, stale)) {
            skippedPairs.inc();
            emit(
                    TrackResponse.skipped(
                            skipped,
                            tracker.modelId(),
                            "live mode: the pair waited "
                                    + (now - skipped.receivedAtMillis())
                                    + " ms, more than the "
                                    + config.liveMaxLag().toMillis()
                                    + " ms allowed; skipped for newer pairs"));
        }
        if (stale > 0) {
            queue.update(new ArrayList<>(pending.subList(stale, pending.size())));
            queued -= stale;
        }
        TrackRequest resolved = anchors.resolve(pending.get(stale));
        long attempt = ++attempts;
        ScheduledFuture<?> timeout =
                getProcessingTimeService()
                        .registerTimer(
                                now + config.timeout().toMillis(),
                                time -> timedOut(camera, attempt));
        running.put(camera, new Running(attempt, timeout));
        CompletableFuture.supplyAsync(() -> tracker.track(resolved), executor)
                .whenComplete(
                        (response, error) -> {
                            try {
                                mailbox.execute(
                                        () -> done(camera, attempt, response, error),
                                        "tracking result of camera %s",
                                        camera);
                            } catch (RejectedExecutionException | IllegalStateException e) {
                                // the mailbox is closed: the task is going down, and the request
                                // is still in state for the next attempt
                                LOG.debug("camera {}: result after the task closed", camera);
                            }
                        });
    }

    private void timedOut(String camera, long attempt) throws Exception {
        Running current = running.get(camera);
        if (current == null || current.attempt() != attempt) {
            return;
        }
        timedOutRequests.inc();
        finish(
                camera,
                head ->
                        TrackResponse.timedOut(
                                head,
                                tracker.modelId(),
                                "no result within " + config.timeout().toMillis() + " ms"));
    }

    private void done(String camera, long attempt, TrackResponse response, Throwable error)
            throws Exception {
        Running current = running.get(camera);
        if (current == null || current.attempt() != attempt) {
            return; // timed out before
        }
        current.timeout().cancel(false);
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        if (cause instanceof Error fatal) {
            // not a bad pair: fail the task, so the job restarts from its last checkpoint
            throw fatal;
        }
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
        queued--;
        TrackResponse response = outcome.of(head);
        if (response.outcome() == TrackResponse.Outcome.TRACKED) {
            response = anchors.advance(head, response, config.reanchorAfter());
        }
        emit(response);
        touchIdle();
        if (pending.size() > 1) {
            ready.add(camera);
        }
        startReady();
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
        Long previous = idleDeadline.value();
        if (previous != null) {
            idleTimers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, previous);
        }
        long next = idleTimers.currentProcessingTime() + idleMillis;
        idleTimers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, next);
        idleDeadline.update(next);
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        Long deadline = idleDeadline.value();
        if (deadline != null
                && deadline == timer.getTimestamp()
                && !running.containsKey(timer.getKey())
                && pending().isEmpty()) {
            anchors.clear();
            idleDeadline.clear();
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
        return queued;
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
