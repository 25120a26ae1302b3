package io.flowtrace.job;

import io.flowtrace.frames.FrameDecoding;
import io.flowtrace.frames.FrameDecodingException;
import io.flowtrace.job.internal.CameraPoints;
import io.flowtrace.job.internal.Corners;
import io.flowtrace.job.internal.DeadLetters;
import io.flowtrace.job.internal.GridSeeding;
import io.flowtrace.job.internal.IdleTimer;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.QueryAction;
import io.flowtrace.schema.Topics;
import io.flowtrace.schema.TrackQuery;
import io.flowtrace.tracer.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keeps each camera's query points and turns every frame pair into a {@link TrackRequest} for all
 * of them; keyed by camera id, frame pairs on input 1 and queries on input 2.
 *
 * <p>A point is anchored on the frame it was placed on, and every request tracks it from that
 * anchor frame straight into the newest frame, so error does not build up pair by pair. An ADD
 * waits for the next pair: with no frame sequence, or the sequence of that pair's earlier frame, it
 * is placed on that earlier frame; a sequence still in the future waits for a pair that reaches it;
 * a past sequence is placed on that frame if another point keeps it, and otherwise, the frame being
 * gone, on the pair's earlier frame at the given position. An ADD of a known id replaces the point
 * (the old track ends as if removed); a REMOVE of an unknown id is counted and ignored; ADDs beyond
 * {@link QueryConfig#maxPoints()}, at a position that is not finite or outside their frame, and
 * queries beyond {@link #MAX_PENDING_QUERIES_PER_POINT} times that waiting for their issue time to
 * pass, are counted and sent to {@link #DEAD_LETTERS} with the reason. Anchor frames stay in state
 * exactly as long as some point references them. With {@link SeedingMode#GRID} a camera with no
 * points gets a grid on its first pair, with {@link SeedingMode#CORNERS} the image corners of the
 * first pair that has some. When a camera restarts its sequence numbers, the kept frames and the
 * points on them move to negative sequences, so old and new frames never mix. A camera that sends
 * nothing for {@link QueryConfig#idleTimeout()} is forgotten.
 *
 * <p>Pairs wait until the watermark of both inputs passes the later frame's capture time, so every
 * query issued before a frame was captured is applied before that frame is tracked, however the two
 * topics happen to be read; an idle query topic must not hold the watermark back (the job gives it
 * idleness). Every pair gives exactly one request, with no points when the camera has none, so
 * every pair gets exactly one result downstream.
 */
public class QueryRegistryFunction
        extends KeyedCoProcessFunction<String, FramePair, TrackQuery, TrackRequest> {

    private static final long serialVersionUID = 1L;

    /** Stable uid and name of the operator. */
    public static final String UID = "query-registry";

    public static final String METRIC_UNKNOWN_REMOVALS = "unknownRemovals";
    public static final String METRIC_REJECTED_QUERIES = "rejectedQueries";

    /** Counter: pairs tracked before the watermark passed them, because too many waited. */
    public static final String METRIC_PENDING_OVERFLOWS = "pendingOverflows";

    /** Queries a camera may hold waiting for the watermark, per point it may hold. */
    public static final int MAX_PENDING_QUERIES_PER_POINT = 2;

    /** Bad queries (not finite, outside their frame, too many), for the dead-letter topic. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("query-dead-letters", TypeInformation.of(DeadLetter.class));

    /** Pairs a camera may hold waiting for the watermark; beyond this the oldest is tracked. */
    public static final int MAX_PENDING_PAIRS = 64;

    private final QueryConfig config;

    private transient CameraPoints points;
    private transient ValueState<Boolean> seeded;
    private transient ValueState<Long> lastSequence;
    private transient ListState<FramePair> pending;
    private transient ListState<TrackQuery> pendingQueries;
    private transient IdleTimer idle;
    private transient Counter unknownRemovals;
    private transient Counter rejectedQueries;
    private transient Counter pendingOverflows;

    public QueryRegistryFunction(QueryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        var context = getRuntimeContext();
        points = new CameraPoints(context);
        seeded = context.getState(new ValueStateDescriptor<>("seeded", Types.BOOLEAN));
        lastSequence = context.getState(new ValueStateDescriptor<>("last-sequence", Types.LONG));
        pending = context.getListState(new ListStateDescriptor<>("pending-pairs", FramePair.class));
        pendingQueries =
                context.getListState(
                        new ListStateDescriptor<>("pending-queries", TrackQuery.class));
        idle = new IdleTimer(context, config.idleTimeout());
        unknownRemovals = context.getMetricGroup().counter(METRIC_UNKNOWN_REMOVALS);
        rejectedQueries = context.getMetricGroup().counter(METRIC_REJECTED_QUERIES);
        pendingOverflows = context.getMetricGroup().counter(METRIC_PENDING_OVERFLOWS);
    }

    @Override
    public void processElement1(FramePair pair, Context ctx, Collector<TrackRequest> out)
            throws Exception {
        idle.touch(ctx.timerService());
        pending.add(pair);
        ctx.timerService().registerEventTimeTimer(captureMillis(pair));
        List<FramePair> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        if (waiting.size() > MAX_PENDING_PAIRS) {
            // the watermark is stuck (a stalled partition, a camera clock far ahead): track the
            // oldest pair now rather than hold frames without bound
            pendingOverflows.inc();
            ctx.timerService().deleteEventTimeTimer(captureMillis(waiting.get(0)));
            release(captureMillis(waiting.get(0)), ctx, out);
        }
    }

    private static long captureMillis(FramePair pair) {
        return pair.later().getCaptureTime().toEpochMilli();
    }

    /** Tracks, in order, the pending pairs whose later frame the watermark has passed. */
    private void release(long watermark, Context ctx, Collector<TrackRequest> out)
            throws Exception {
        List<FramePair> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        int ready = 0;
        while (ready < waiting.size() && captureMillis(waiting.get(ready)) <= watermark) {
            ready++;
        }
        if (ready == 0) {
            return;
        }
        pending.update(new ArrayList<>(waiting.subList(ready, waiting.size())));
        for (FramePair pair : waiting.subList(0, ready)) {
            long offset = restartOffset(pair);
            if (offset != 0) {
                // old anchor frames, the points on them and the frames queries wait for move to
                // negative sequences, out of the way of the new frames
                points.renumber(offset);
            }
            applyQueriesUpTo(captureMillis(pair), offset, pair.earlier().getCaptureTime(), ctx);
            track(pair, ctx, out);
        }
    }

    /**
     * How far the camera's old numbering must move down, when {@code pair} shows that it restarted
     * its numbering (pairs come in order, so a later frame not after the last one's means a
     * restart); 0 otherwise.
     */
    private long restartOffset(FramePair pair) throws Exception {
        Long last = lastSequence.value();
        lastSequence.update(pair.later().getSequence());
        return last != null && pair.later().getSequence() <= last ? last + 1 : 0;
    }

    private void track(FramePair pair, Context ctx, Collector<TrackRequest> out) throws Exception {
        if (config.seeding() != SeedingMode.NONE && seeded.value() == null) {
            if (!points.isEmpty() || seed(pair.earlier())) {
                seeded.update(true);
            }
        }
        for (CameraPoints.Misplaced m : points.placeWaiting(pair.earlier())) {
            Frame f = m.frame();
            reject(
                    m.query(),
                    "query "
                            + m.query().getQueryId()
                            + " of camera "
                            + m.query().getCameraId()
                            + ": ("
                            + m.query().getX()
                            + ", "
                            + m.query().getY()
                            + ") lies outside its frame "
                            + f.getSequence()
                            + " ("
                            + f.getWidth()
                            + "x"
                            + f.getHeight()
                            + ")",
                    ctx);
        }
        out.collect(points.request(pair));
    }

    @Override
    public void processElement2(TrackQuery query, Context ctx, Collector<TrackRequest> out)
            throws Exception {
        idle.touch(ctx.timerService());
        int waiting = 0;
        for (TrackQuery ignored : pendingQueries.get()) {
            waiting++;
        }
        if (waiting >= MAX_PENDING_QUERIES_PER_POINT * config.maxPoints()) {
            reject(
                    query,
                    "camera "
                            + query.getCameraId()
                            + ": "
                            + waiting
                            + " queries already wait for frames captured after they were issued;"
                            + " query "
                            + query.getQueryId()
                            + " not queued",
                    ctx);
            return;
        }
        pendingQueries.add(query);
    }

    /**
     * Applies, in issue order, the waiting queries issued at or before {@code time}. With a
     * numbering restart ({@code offset} not 0), a query issued before {@code restartedAt} names its
     * frame in the old numbering, and its frame sequence moves down by {@code offset}.
     */
    private void applyQueriesUpTo(long time, long offset, Instant restartedAt, Context ctx)
            throws Exception {
        List<TrackQuery> due = new ArrayList<>();
        List<TrackQuery> later = new ArrayList<>();
        for (TrackQuery q : pendingQueries.get()) {
            (q.getIssuedAt().toEpochMilli() <= time ? due : later).add(q);
        }
        if (due.isEmpty()) {
            return;
        }
        pendingQueries.update(later);
        due.sort(Comparator.comparing(TrackQuery::getIssuedAt)); // stable: ties keep arrival order
        for (TrackQuery q : due) {
            Long sequence = q.getFrameSequence();
            if (offset != 0 && sequence != null && q.getIssuedAt().isBefore(restartedAt)) {
                q = TrackQuery.newBuilder(q).setFrameSequence(sequence - offset).build();
            }
            apply(q, ctx);
        }
    }

    private void apply(TrackQuery query, Context ctx) throws Exception {
        String id = query.getQueryId();
        if (query.getAction() == QueryAction.REMOVE) {
            if (!points.remove(id)) {
                unknownRemovals.inc();
            }
        } else if (!Double.isFinite(query.getX()) || !Double.isFinite(query.getY())) {
            reject(
                    query,
                    "query "
                            + id
                            + " of camera "
                            + query.getCameraId()
                            + ": position ("
                            + query.getX()
                            + ", "
                            + query.getY()
                            + ") is not finite",
                    ctx);
        } else if (!points.contains(id) && points.size() >= config.maxPoints()) {
            reject(
                    query,
                    "camera "
                            + query.getCameraId()
                            + " already holds "
                            + config.maxPoints()
                            + " points; query "
                            + id
                            + " not added",
                    ctx);
        } else {
            points.await(query);
        }
    }

    /** Counts {@code query} as rejected and sends it to the dead letters with {@code why}. */
    private void reject(TrackQuery query, String why, Context ctx) {
        rejectedQueries.inc();
        ctx.output(DEAD_LETTERS, DeadLetters.query(Topics.TRACK_QUERIES, query, why));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrackRequest> out)
            throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            release(timestamp, ctx, out);
        } else if (idle.isDue(timestamp, ctx.timerService())) {
            for (FramePair pair : pending.get()) {
                ctx.timerService().deleteEventTimeTimer(captureMillis(pair));
            }
            release(Long.MAX_VALUE, ctx, out); // every pair gets its request, even now
            pending.clear();
            pendingQueries.clear();
            points.clear();
            seeded.clear();
            lastSequence.clear();
            idle.clear(ctx.timerService());
        }
    }

    /**
     * Places the camera's own points on {@code frame}; false when it found none (a flat or
     * undecodable frame: its pair fails on its own), so the next pair tries again.
     */
    private boolean seed(Frame frame) throws Exception {
        int spacing = config.gridSpacing();
        List<GridSeeding.GridPoint> grid =
                GridSeeding.points(
                        frame.getWidth(), frame.getHeight(), spacing, config.maxPoints());
        if (config.seeding() == SeedingMode.GRID) {
            for (GridSeeding.GridPoint p : grid) {
                points.place(p.id(), frame, p.x(), p.y());
            }
            return !grid.isEmpty();
        }
        List<Point> corners;
        try {
            corners = Corners.find(FrameDecoding.decode(frame), spacing / 2.0, grid.size());
        } catch (FrameDecodingException e) {
            return false;
        }
        for (Point c : corners) {
            String id = "corner-" + Math.round(c.x()) + "-" + Math.round(c.y());
            points.place(id, frame, c.x(), c.y());
        }
        return !corners.isEmpty();
    }

    @VisibleForTesting
    long unknownRemovals() {
        return unknownRemovals.getCount();
    }

    @VisibleForTesting
    long pendingOverflows() {
        return pendingOverflows.getCount();
    }

    @VisibleForTesting
    long rejectedQueries() {
        return rejectedQueries.getCount();
    }
}
