package io.flowtrace.job.internal;

import io.flowtrace.job.PointAnchor;
import io.flowtrace.job.PointResult;
import io.flowtrace.job.TrackRequest;
import io.flowtrace.job.TrackResponse;
import io.flowtrace.schema.Frame;
import io.flowtrace.tracer.Reanchoring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Where each point of the current camera is tracked from, in keyed state. A point starts on the
 * anchor its query gave it (which the request carries, with its frame); once confidently seen far
 * enough from its anchor frame it is re-anchored on that sighting, and the frame is kept here for
 * as long as some point is anchored on it. An occluded point keeps its anchor, so every new frame
 * tries to re-acquire it from the last place it was seen.
 */
public final class CameraAnchors {

    /** A point's query anchor and the anchor it is tracked from now. */
    public record Anchored(PointAnchor query, PointAnchor current) {}

    private final MapState<String, Anchored> points;
    private final MapState<Long, Frame> frames;

    /** Must be created in {@code open()} of a keyed operator. */
    public CameraAnchors(RuntimeContext context) {
        points =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "tracked-anchors",
                                Types.STRING,
                                TypeInformation.of(Anchored.class)));
        frames =
                context.getMapState(
                        new MapStateDescriptor<>(
                                "sighting-frames", Types.LONG, TypeInformation.of(Frame.class)));
    }

    /**
     * {@code request} with each point moved to the anchor it is tracked from now, and the frames of
     * those anchors. A point whose query changed, that was removed since the last request (and
     * added again), or whose sighting is not older than the frame tracked into (the camera
     * restarted its numbering), starts again from its query.
     */
    public TrackRequest resolve(TrackRequest request) throws Exception {
        Map<Long, Frame> given = new HashMap<>();
        request.anchorFrames().forEach(f -> given.put(f.getSequence(), f));
        List<PointAnchor> from = new ArrayList<>(request.points().size());
        TreeMap<Long, Frame> needed = new TreeMap<>();
        Set<String> removed = new HashSet<>(request.removedPointIds());
        for (PointAnchor query : request.points()) {
            Anchored known = removed.contains(query.pointId()) ? null : points.get(query.pointId());
            PointAnchor use =
                    known != null
                                    && known.query().equals(query)
                                    // a sighting not before this frame: the camera restarted
                                    // its numbering, and that frame is another one
                                    && known.current().sequence() < request.toSequence()
                            ? known.current()
                            : query;
            from.add(use);
            Frame frame = given.get(use.sequence());
            if (frame == null) {
                frame = frames.get(use.sequence());
            }
            if (frame != null) { // else the tracker reports the missing frame
                needed.put(use.sequence(), frame);
            }
        }
        return new TrackRequest(
                request.cameraId(),
                request.fromSequence(),
                request.later(),
                request.missingFrames(),
                request.receivedAtMillis(),
                from,
                List.copyOf(needed.values()),
                request.removedPointIds());
    }

    /**
     * Records what the tracked {@code response} to {@code request} (as the registry sent it, before
     * {@link #resolve}) says of each point, re-anchoring every point seen (visible) at least {@code
     * reanchorAfter} frames after its anchor frame (0: never), and forgets points the request no
     * longer holds. Returns the response with each point's next anchor filled in.
     */
    public TrackResponse advance(TrackRequest request, TrackResponse response, int reanchorAfter)
            throws Exception {
        long to = response.toSequence();
        List<PointResult> results = new ArrayList<>(response.points().size());
        Set<String> ids = new HashSet<>();
        Set<Long> kept = new HashSet<>();
        for (int i = 0; i < response.points().size(); i++) {
            PointAnchor query = request.points().get(i);
            PointResult result = response.points().get(i);
            PointAnchor next = result.anchor();
            long fromAnchor =
                    to >= next.sequence()
                            ? to - next.sequence()
                            : Long.MAX_VALUE; // numbering restarted since the anchor: due
            if (Reanchoring.moves(reanchorAfter, result.visible(), fromAnchor)) {
                next = next.seenAt(to, result.x(), result.y());
            }
            points.put(query.pointId(), new Anchored(query, next));
            results.add(result.withNextAnchor(next));
            ids.add(query.pointId());
            if (!next.equals(query)) {
                kept.add(next.sequence());
            }
        }
        List<String> gone = new ArrayList<>();
        for (String id : points.keys()) {
            if (!ids.contains(id)) {
                gone.add(id);
            }
        }
        for (String id : gone) {
            points.remove(id);
        }
        if (kept.contains(to)) {
            frames.put(to, request.later());
        }
        List<Long> unused = new ArrayList<>();
        for (Long sequence : frames.keys()) {
            if (!kept.contains(sequence)) {
                unused.add(sequence);
            }
        }
        for (Long sequence : unused) {
            frames.remove(sequence);
        }
        return response.withPoints(results);
    }

    /** Forgets points {@code ids} (removed), so an identical query added later starts afresh. */
    public void forget(List<String> ids) throws Exception {
        for (String id : ids) {
            points.remove(id);
        }
    }

    /** Frames kept for re-anchored points (a number for tests and metrics). */
    public int keptFrames() throws Exception {
        int n = 0;
        for (Long ignored : frames.keys()) {
            n++;
        }
        return n;
    }

    public void clear() {
        points.clear();
        frames.clear();
    }
}
