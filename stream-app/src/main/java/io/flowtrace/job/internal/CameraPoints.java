package io.flowtrace.job.internal;

import io.flowtrace.job.FramePair;
import io.flowtrace.job.PointAnchor;
import io.flowtrace.job.TrackRequest;
import io.flowtrace.schema.Frame;
import io.flowtrace.schema.TrackQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The current camera's points in keyed state: placed points with their anchors, queries waiting for
 * their frame, the anchor frames (kept exactly while a placed point references them) and the ids
 * removed since the last request. Per-query and per-pair work iterates a camera's points, which
 * {@code QueryConfig.maxPoints} bounds.
 */
public final class CameraPoints {

    private final MapState<String, PointAnchor> placed;
    private final MapState<String, TrackQuery> waiting;
    private final MapState<Long, Frame> anchorFrames;
    private final ListState<String> removed;

    /** Must be created in {@code open()} of a keyed function. */
    public CameraPoints(RuntimeContext context) {
        placed =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "points", Types.STRING, TypeInformation.of(PointAnchor.class)));
        waiting =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "waiting-queries",
                                Types.STRING,
                                TypeInformation.of(TrackQuery.class)));
        anchorFrames = context.getMapState(anchorFramesDescriptor());
        removed = context.getListState(new ListStateDescriptor<>("removed-points", Types.STRING));
    }

    /** The state holding anchor frames by sequence. */
    public static MapStateDescriptor<Long, Frame> anchorFramesDescriptor() {
        return new MapStateDescriptor<>(
                "anchor-frames", Types.LONG, TypeInformation.of(Frame.class));
    }

    /** True when no point is placed or waiting. */
    public boolean isEmpty() throws Exception {
        return placed.isEmpty() && waiting.isEmpty();
    }

    /** True when {@code id} is placed or waiting. */
    public boolean contains(String id) throws Exception {
        return placed.contains(id) || waiting.contains(id);
    }

    /** Points placed or waiting. */
    public int size() throws Exception {
        int n = 0;
        for (String ignored : placed.keys()) {
            n++;
        }
        for (String ignored : waiting.keys()) {
            n++;
        }
        return n;
    }

    /** Lets {@code query} (an ADD) wait for its frame; a placed point of that id ends now. */
    public void await(TrackQuery query) throws Exception {
        String id = query.getQueryId();
        if (placed.contains(id)) {
            endPlaced(id);
        }
        waiting.put(id, query);
    }

    /** Removes point {@code id}; false when it is unknown. */
    public boolean remove(String id) throws Exception {
        if (!contains(id)) {
            return false;
        }
        waiting.remove(id);
        if (placed.contains(id)) {
            endPlaced(id);
        }
        return true;
    }

    /**
     * Places every waiting query whose frame has come, given the earlier frame of the pair now
     * arriving: no sequence or that frame's sequence places it there; a past sequence places it on
     * that frame if still kept, else on {@code earlier} at the given position; future sequences
     * keep waiting. Returns the queries rejected for lying outside their frame.
     */
    public List<Misplaced> placeWaiting(Frame earlier) throws Exception {
        List<TrackQuery> ready = new ArrayList<>();
        for (TrackQuery q : waiting.values()) {
            Long sequence = q.getFrameSequence();
            if (sequence == null || sequence <= earlier.getSequence()) {
                ready.add(q);
            }
        }
        List<Misplaced> rejected = new ArrayList<>();
        for (TrackQuery q : ready) {
            waiting.remove(q.getQueryId());
            Long sequence = q.getFrameSequence();
            Frame anchor =
                    sequence == null || sequence == earlier.getSequence()
                            ? earlier
                            : Objects.requireNonNullElse(anchorFrames.get(sequence), earlier);
            if (!place(q.getQueryId(), anchor, q.getX(), q.getY())) {
                rejected.add(new Misplaced(q, anchor));
            }
        }
        return rejected;
    }

    /** A query whose position lies outside the frame it was to be placed on. */
    public record Misplaced(TrackQuery query, Frame frame) {}

    /** Places point {@code id} on {@code anchor}; false when (x, y) lies outside that frame. */
    public boolean place(String id, Frame anchor, double x, double y) throws Exception {
        if (x < 0 || y < 0 || x > anchor.getWidth() - 1 || y > anchor.getHeight() - 1) {
            return false;
        }
        if (!anchorFrames.contains(anchor.getSequence())) {
            anchorFrames.put(anchor.getSequence(), anchor);
        }
        placed.put(id, new PointAnchor(id, anchor.getSequence(), x, y));
        return true;
    }

    /**
     * The request tracking every placed point into {@code pair}'s later frame (no points when the
     * camera has none); the removals it reports are then forgotten.
     */
    public TrackRequest request(FramePair pair) throws Exception {
        List<PointAnchor> points = new ArrayList<>();
        placed.values().forEach(points::add);
        List<String> removedIds = new ArrayList<>();
        removed.get().forEach(removedIds::add);
        points.sort(Comparator.comparing(PointAnchor::pointId));
        List<Frame> frames = new ArrayList<>();
        for (long sequence : anchorSequences(points)) {
            frames.add(anchorFrames.get(sequence));
        }
        removed.clear();
        return new TrackRequest(
                pair.cameraId(),
                pair.fromSequence(),
                pair.later(),
                pair.missingFrames(),
                pair.receivedAtMillis(),
                points,
                frames,
                removedIds);
    }

    /**
     * Moves every kept frame, the points on them and the frames waiting queries name {@code offset}
     * sequences down, into negative numbers when {@code offset} exceeds every sequence so far: the
     * camera restarted its numbering, and its new frames must not be mistaken for the old ones.
     */
    public void renumber(long offset) throws Exception {
        List<Frame> frames = new ArrayList<>();
        anchorFrames.values().forEach(frames::add);
        anchorFrames.clear();
        for (Frame f : frames) {
            long moved = f.getSequence() - offset;
            anchorFrames.put(moved, Frame.newBuilder(f).setSequence(moved).build());
        }
        List<PointAnchor> points = new ArrayList<>();
        placed.values().forEach(points::add);
        for (PointAnchor p : points) {
            placed.put(
                    p.pointId(), new PointAnchor(p.pointId(), p.sequence() - offset, p.x(), p.y()));
        }
        List<TrackQuery> queries = new ArrayList<>();
        waiting.values().forEach(queries::add);
        for (TrackQuery q : queries) {
            if (q.getFrameSequence() != null) {
                waiting.put(
                        q.getQueryId(),
                        TrackQuery.newBuilder(q)
                                .setFrameSequence(q.getFrameSequence() - offset)
                                .build());
            }
        }
    }

    public void clear() {
        placed.clear();
        waiting.clear();
        anchorFrames.clear();
        removed.clear();
    }

    /** Ends placed point {@code id}'s track and drops anchor frames no point uses any more. */
    private void endPlaced(String id) throws Exception {
        placed.remove(id);
        removed.add(id);
        List<PointAnchor> points = new ArrayList<>();
        placed.values().forEach(points::add);
        TreeSet<Long> used = anchorSequences(points);
        List<Long> unused = new ArrayList<>();
        for (Long sequence : anchorFrames.keys()) {
            if (!used.contains(sequence)) {
                unused.add(sequence);
            }
        }
        for (Long sequence : unused) {
            anchorFrames.remove(sequence);
        }
    }

    private static TreeSet<Long> anchorSequences(List<PointAnchor> points) {
        TreeSet<Long> sequences = new TreeSet<>();
        points.forEach(p -> sequences.add(p.sequence()));
        return sequences;
    }
}
