package io.flowtrace.app.job;

import io.flowtrace.app.job.internal.RequestTracker;
import io.flowtrace.inference.ProbeModel;
import io.flowtrace.tracer.KlTracer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Tracks each request's points with {@link KlTracer} on a bounded pool of threads, so the task
 * thread never waits for the model. Never fails the job on a request: bad frames and model errors
 * complete as {@link TrackResponse.Outcome#FAILED} with a dead letter, and a request the async
 * operator gives up on completes as {@link TrackResponse.Outcome#TIMED_OUT}.
 *
 * <p>Run it with {@code AsyncDataStream.orderedWait(requests, function,
 * config.timeout().toMillis(), TimeUnit.MILLISECONDS, config.capacity())}: {@link
 * TrackStateFunction} needs each camera's responses in order. The pool's queue holds {@link
 * TracingConfig#capacity()} requests; should it be full anyway, the request runs on the caller's
 * thread, which slows the task down instead of failing it.
 */
public class KlTracingAsyncFunction extends RichAsyncFunction<TrackRequest, TrackResponse> {

    private static final long serialVersionUID = 1L;

    /** Stable uid and name of the operator. */
    public static final String UID = "kl-tracing";

    public static final String METRIC_FAILED_REQUESTS = "failedRequests";
    public static final String METRIC_TIMED_OUT_REQUESTS = "timedOutRequests";
    public static final String METRIC_SKIPPED_PAIRS = "skippedPairs";

    private final TracingConfig config;

    private transient ProbeModel model;
    private transient RequestTracker tracker;
    private transient ExecutorService executor;
    private transient Counter failedRequests;
    private transient Counter timedOutRequests;
    private transient Counter skippedPairs;

    public KlTracingAsyncFunction(TracingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        model = config.model().create();
        tracker =
                new RequestTracker(
                        new KlTracer(model, config.recipe().get()),
                        model.modelId(),
                        config.framesTopic());
        executor =
                new ThreadPoolExecutor(
                        config.threads(),
                        config.threads(),
                        0L,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(config.capacity()),
                        threads(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()),
                        new ThreadPoolExecutor.CallerRunsPolicy());
        var metrics = getRuntimeContext().getMetricGroup();
        failedRequests = metrics.counter(METRIC_FAILED_REQUESTS, new ThreadSafeSimpleCounter());
        timedOutRequests =
                metrics.counter(METRIC_TIMED_OUT_REQUESTS, new ThreadSafeSimpleCounter());
        skippedPairs = metrics.counter(METRIC_SKIPPED_PAIRS, new ThreadSafeSimpleCounter());
    }

    @Override
    public void asyncInvoke(TrackRequest request, ResultFuture<TrackResponse> resultFuture) {
        executor.execute(() -> resultFuture.complete(List.of(track(request))));
    }

    @Override
    public void timeout(TrackRequest request, ResultFuture<TrackResponse> resultFuture) {
        timedOutRequests.inc();
        resultFuture.complete(
                List.of(
                        TrackResponse.timedOut(
                                request,
                                tracker.modelId(),
                                "no result within " + config.timeout().toMillis() + " ms")));
    }

    @Override
    public void close() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (model != null) {
            model.close();
        }
    }

    private TrackResponse track(TrackRequest request) {
        if (config.live()) {
            long waited = System.currentTimeMillis() - request.receivedAtMillis();
            if (waited > config.liveMaxLag().toMillis()) {
                skippedPairs.inc();
                return TrackResponse.skipped(
                        request,
                        tracker.modelId(),
                        "live mode: the pair waited "
                                + waited
                                + " ms, more than the "
                                + config.liveMaxLag().toMillis()
                                + " ms allowed; skipped for newer pairs");
            }
        }
        TrackResponse response = tracker.track(request);
        if (response.outcome() == TrackResponse.Outcome.FAILED) {
            failedRequests.inc();
        }
        return response;
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
