package io.flowtrace.job;

import io.flowtrace.job.internal.DeadLetters;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.schema.TrackUpdate;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The tracking job: frames and track queries in; flow results, track updates and dead letters out.
 * It takes its sources and sinks in the constructor, so the same wiring runs on Kafka in production
 * and on any other source or sink in tests.
 *
 * <pre>
 * frames ─▶ routing ─▶ watermarks ─keyBy(camera)─▶ frame-pairing ─┐
 * queries ─▶ routing ─▶ watermarks ─keyBy(camera)────────────────┴▶ query-registry
 *   ─▶ kl-tracing (per camera in order) ─keyBy(camera)─▶ track-state ─▶ flow results
 *                                                         ├▶ track updates
 * every routing, late frame and failed pair ─────────────────────▶ dead letters
 * </pre>
 */
public final class TrackingJob {

    private final Source<FrameInput, ?, ?> frames;
    private final Source<QueryInput, ?, ?> queries;
    private final Sink<FlowResult> flowResults;
    private final Sink<TrackUpdate> trackUpdates;
    private final Sink<DeadLetter> deadLetters;
    private final JobConfig config;

    public TrackingJob(
            Source<FrameInput, ?, ?> frames,
            Source<QueryInput, ?, ?> queries,
            Sink<FlowResult> flowResults,
            Sink<TrackUpdate> trackUpdates,
            Sink<DeadLetter> deadLetters,
            JobConfig config) {
        this.frames = Objects.requireNonNull(frames, "frames");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.flowResults = Objects.requireNonNull(flowResults, "flowResults");
        this.trackUpdates = Objects.requireNonNull(trackUpdates, "trackUpdates");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Adds the job's operators to {@code env}. */
    public void attach(StreamExecutionEnvironment env) {
        Duration bound = config.watermarks().lateness();
        Duration pause = config.watermarks().quiet();
        // watermarks on the sources, so Kafka tracks them per partition
        WatermarkStrategy<FrameInput> frameTime =
                WatermarkStrategy.<FrameInput>forGenerator(
                                ctx -> new QuietTimeWatermarks<>(bound, pause))
                        .withTimestampAssigner(
                                (in, ts) ->
                                        in.frame() == null
                                                ? Long.MIN_VALUE // a dead letter: no event time
                                                : in.frame().getCaptureTime().toEpochMilli())
                        .withIdleness(pause.multipliedBy(3));
        WatermarkStrategy<QueryInput> queryTime =
                WatermarkStrategy.<QueryInput>forBoundedOutOfOrderness(bound)
                        .withTimestampAssigner(
                                (in, ts) ->
                                        in.query() == null
                                                ? Long.MIN_VALUE
                                                : in.query().getIssuedAt().toEpochMilli())
                        .withIdleness(pause);
        SingleOutputStreamOperator<Frame> frameStream =
                env.fromSource(frames, frameTime, "frames-source")
                        .uid("frames-source")
                        .process(new InputRouting.FramesFunction())
                        .uid("frame-routing")
                        .name("frame-routing");
        SingleOutputStreamOperator<TrackQuery> queryStream =
                env.fromSource(queries, queryTime, "queries-source")
                        .uid("queries-source")
                        .process(new InputRouting.QueriesFunction())
                        .uid("query-routing")
                        .name("query-routing");

        SingleOutputStreamOperator<FramePair> pairs =
                frameStream
                        .keyBy(Frame::getCameraId)
                        .process(new FramePairingFunction(config.pairing()))
                        .uid(FramePairingFunction.UID)
                        .name(FramePairingFunction.UID);
        SingleOutputStreamOperator<TrackRequest> requests =
                pairs.keyBy(FramePair::cameraId)
                        .connect(queryStream.keyBy(TrackQuery::getCameraId))
                        .process(new QueryRegistryFunction(config.queries()))
                        .uid(QueryRegistryFunction.UID)
                        .name(QueryRegistryFunction.UID);
        // the registry's output is already partitioned by camera: no shuffle of frames
        DataStream<TrackResponse> responses =
                DataStreamUtils.reinterpretAsKeyedStream(
                                requests, TrackRequest::cameraId, Types.STRING)
                        .transform(
                                KlTracingOperator.UID,
                                KlTracingOperator.outputType(),
                                new KlTracingOperator(
                                        config.tracing(), config.tracks().idleTimeout()))
                        .uid(KlTracingOperator.UID);
        SingleOutputStreamOperator<FlowResult> results =
                responses
                        .keyBy(TrackResponse::cameraId)
                        .process(new TrackStateFunction(config.tracks()))
                        .uid(TrackStateFunction.UID)
                        .name(TrackStateFunction.UID);

        results.sinkTo(flowResults).uid("flow-results-sink").name("flow-results-sink");
        results.getSideOutput(TrackStateFunction.TRACK_UPDATES)
                .sinkTo(trackUpdates)
                .uid("track-updates-sink")
                .name("track-updates-sink");
        DataStream<DeadLetter> late =
                pairs.getSideOutput(FramePairingFunction.LATE_FRAMES)
                        .map(TrackingJob::lateLetter)
                        .uid("late-frame-letters")
                        .name("late-frame-letters");
        frameStream
                .getSideOutput(InputRouting.DEAD_LETTERS)
                .union(
                        queryStream.getSideOutput(InputRouting.DEAD_LETTERS),
                        late,
                        requests.getSideOutput(QueryRegistryFunction.DEAD_LETTERS),
                        results.getSideOutput(TrackStateFunction.DEAD_LETTERS))
                .sinkTo(deadLetters)
                .uid("dead-letters-sink")
                .name("dead-letters-sink");
    }

    private static DeadLetter lateLetter(LateFrame late) {
        Frame f = late.frame();
        return DeadLetters.frame(
                Topics.FRAMES,
                f.getCameraId(),
                f,
                DeadLetterReason.LATE_FRAME,
                "camera "
                        + f.getCameraId()
                        + " frame "
                        + f.getSequence()
                        + " arrived after frame "
                        + late.lastPairedSequence()
                        + " was paired");
    }
}
