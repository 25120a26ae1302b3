package io.flowtrace.job;

import io.flowtrace.inference.ProbeCost;
import io.flowtrace.job.internal.IdleTimer;
import io.flowtrace.job.internal.PointTrack;
import io.flowtrace.job.internal.TrackOutputs;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.PointFlow;
import io.flowtrace.schema.TrackUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Follows each point of a camera from response to response; keyed by camera id, fed in order (see
 * {@link KlTracingOperator}). Emits one {@link FlowResult} per response (TRACKED, or SKIPPED with
 * the reason when the pair could not be tracked) and, on {@link #TRACK_UPDATES}, one {@link
 * TrackUpdate} per point: TRACKING, OCCLUDED when not visible, REACQUIRED when visible again right
 * after OCCLUDED, REMOVED when its query was removed or replaced. Dead letters of failed responses
 * go to {@link #DEAD_LETTERS}. A camera quiet for {@link TrackStateConfig#idleTimeout()} is
 * forgotten.
 */
public class TrackStateFunction extends KeyedProcessFunction<String, TrackResponse, FlowResult> {

    private static final long serialVersionUID = 1L;

    /** Stable uid and name of the operator. */
    public static final String UID = "track-state";

    /** Histogram: from the later frame reaching the job to its result, ms. */
    public static final String METRIC_INGEST_TO_PUBLISH_MILLIS = "ingestToPublishMillis";

    /** Counter: point estimates published; with {@link #METRIC_MODEL_PASSES}, passes per point. */
    public static final String METRIC_TRACKED_POINTS = "trackedPoints";

    public static final String METRIC_MODEL_PASSES = "modelPasses";

    /**
     * Counter: transformer tokens the model reported for the published points; divided by {@link
     * io.flowtrace.inference.ProbeCost#PASS_TOKENS} and the tracked points, pass-equivalents per
     * point-step.
     */
    public static final String METRIC_MODEL_TOKENS = "modelTokens";

    /** Counter: pairs published as SKIPPED (live-mode skips, failures, timeouts). */
    public static final String METRIC_UNTRACKED_PAIRS = "untrackedPairs";

    public static final OutputTag<TrackUpdate> TRACK_UPDATES =
            new OutputTag<>("track-updates", TypeInformation.of(TrackUpdate.class));

    /** Bad input found while tracking, for the dead-letter topic. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private final TrackStateConfig config;

    private transient MapState<String, PointTrack> tracks;
    private transient IdleTimer idle;
    private transient Histogram ingestToPublish;
    private transient Counter trackedPoints;
    private transient Counter modelPasses;
    private transient Counter modelTokens;
    private transient Counter skippedPairs;

    public TrackStateFunction(TrackStateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        tracks =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "tracks",
                                        Types.STRING,
                                        TypeInformation.of(PointTrack.class)));
        idle = new IdleTimer(getRuntimeContext(), config.idleTimeout());
        var metrics = getRuntimeContext().getMetricGroup();
        ingestToPublish =
                metrics.histogram(
                        METRIC_INGEST_TO_PUBLISH_MILLIS, new DescriptiveStatisticsHistogram(1000));
        trackedPoints = metrics.counter(METRIC_TRACKED_POINTS);
        modelPasses = metrics.counter(METRIC_MODEL_PASSES);
        modelTokens = metrics.counter(METRIC_MODEL_TOKENS);
        skippedPairs = metrics.counter(METRIC_UNTRACKED_PAIRS);
    }

    @Override
    public void processElement(TrackResponse response, Context ctx, Collector<FlowResult> out)
            throws Exception {
        idle.touch(ctx.timerService());
        long now = ctx.timerService().currentProcessingTime();
        for (String id : response.removedPointIds()) {
            PointTrack track = tracks.get(id);
            if (track != null) {
                tracks.remove(id);
                ctx.output(
                        TRACK_UPDATES,
                        TrackOutputs.update(
                                response.cameraId(),
                                track.removed(response.toSequence()),
                                response.captureTimeMillis()));
            }
        }
        ingestToPublish.update(Math.max(0, now - response.receivedAtMillis()));
        if (response.outcome() != TrackResponse.Outcome.TRACKED) {
            skippedPairs.inc();
            if (response.deadLetter() != null) {
                ctx.output(DEAD_LETTERS, response.deadLetter());
            }
            out.collect(TrackOutputs.flowResult(response, List.of(), now));
            return;
        }
        List<PointFlow> flows = new ArrayList<>(response.points().size());
        for (PointResult result : response.points()) {
            PointTrack previous = tracks.get(result.pointId());
            if (previous == null) { // a replaced point's old track ended with the removals
                previous = PointTrack.start(result.anchor());
            }
            PointTrack next = previous.advance(result, response.toSequence());
            tracks.put(result.pointId(), next);
            flows.add(
                    TrackOutputs.pointFlow(
                            previous, next, result.passes(), result.passEquivalents()));
            trackedPoints.inc();
            modelPasses.inc(result.passes());
            modelTokens.inc(Math.round(result.passEquivalents() * ProbeCost.PASS_TOKENS));
            ctx.output(
                    TRACK_UPDATES,
                    TrackOutputs.update(
                            response.cameraId(),
                            next,
                            response.captureTimeMillis(),
                            result.passEquivalents()));
        }
        out.collect(TrackOutputs.flowResult(response, flows, now));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlowResult> out)
            throws Exception {
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME
                && idle.isDue(timestamp, ctx.timerService())) {
            tracks.clear();
            idle.clear(ctx.timerService());
        }
    }
}
