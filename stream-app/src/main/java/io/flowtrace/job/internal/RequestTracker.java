package io.flowtrace.job.internal;

import io.flowtrace.frames.FrameDecoding;
import io.flowtrace.frames.FrameDecodingException;
import io.flowtrace.inference.RgbImage;
import io.flowtrace.job.PointAnchor;
import io.flowtrace.job.PointResult;
import io.flowtrace.job.TrackRequest;
import io.flowtrace.job.TrackResponse;
import io.flowtrace.schema.DeadLetter;
import io.flowtrace.schema.DeadLetterReason;
import io.flowtrace.schema.Frame;
import io.flowtrace.tracer.KlTracer;
import io.flowtrace.tracer.Point;
import io.flowtrace.tracer.PointEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracks one request: decodes its frames, runs the tracker once per anchor frame on the points
 * anchored there, and answers with a response. Bad input and model errors become a failed response
 * with a dead letter; only an {@link Error}, even one wrapped in an exception, is thrown.
 * Thread-safe when the tracker's model is.
 */
public final class RequestTracker {

    private final KlTracer tracer;
    private final String modelId;
    private final String framesTopic;

    public RequestTracker(KlTracer tracer, String modelId, String framesTopic) {
        this.tracer = tracer;
        this.modelId = modelId;
        this.framesTopic = framesTopic;
    }

    public String modelId() {
        return modelId;
    }

    public TrackResponse track(TrackRequest request) {
        try {
            return trackPoints(request);
        } catch (RuntimeException e) {
            rethrowError(e);
            return failed(
                    request,
                    DeadLetterReason.OTHER,
                    "cannot track " + FrameDecoding.describe(request.later()) + ": " + e,
                    null);
        }
    }

    private TrackResponse trackPoints(TrackRequest request) {
        Frame laterFrame = request.later();
        RgbImage later;
        try {
            later = FrameDecoding.decode(laterFrame);
        } catch (FrameDecodingException e) {
            return failed(request, e.reason(), e.getMessage(), laterFrame);
        }
        Map<Long, Frame> anchorFrames = new HashMap<>();
        request.anchorFrames().forEach(f -> anchorFrames.put(f.getSequence(), f));
        Map<Long, List<PointAnchor>> groups = new LinkedHashMap<>();
        for (PointAnchor p : request.points()) {
            groups.computeIfAbsent(p.sequence(), s -> new ArrayList<>()).add(p);
        }
        Map<String, PointResult> results = new HashMap<>();
        long nanos = 0;
        for (Map.Entry<Long, List<PointAnchor>> group : groups.entrySet()) {
            Frame anchorFrame = anchorFrames.get(group.getKey());
            if (anchorFrame == null) {
                return failed(
                        request,
                        DeadLetterReason.OTHER,
                        FrameDecoding.describe(laterFrame)
                                + ": anchor frame "
                                + group.getKey()
                                + " is missing from the request",
                        null);
            }
            RgbImage from;
            try {
                from = FrameDecoding.decode(anchorFrame);
            } catch (FrameDecodingException e) {
                return failed(request, e.reason(), e.getMessage(), anchorFrame);
            }
            if (!from.sameSizeAs(later)) {
                return failed(
                        request,
                        DeadLetterReason.BAD_FRAME,
                        FrameDecoding.describe(laterFrame)
                                + " is "
                                + later.width()
                                + "x"
                                + later.height()
                                + " but its anchor frame "
                                + anchorFrame.getSequence()
                                + " is "
                                + from.width()
                                + "x"
                                + from.height(),
                        laterFrame);
            }
            List<PointAnchor> anchors = group.getValue();
            List<Point> queries = anchors.stream().map(p -> new Point(p.x(), p.y())).toList();
            List<Point> priors = new ArrayList<>(anchors.size());
            for (PointAnchor p : anchors) {
                double[] at = p.prior(laterFrame.getSequence());
                priors.add(at == null ? null : new Point(at[0], at[1]));
            }
            long start = System.nanoTime();
            List<PointEstimate> estimates;
            try {
                estimates = tracer.track(from, later, queries, priors, steps -> {});
            } catch (RuntimeException e) {
                rethrowError(e);
                return failed(
                        request,
                        DeadLetterReason.MODEL_ERROR,
                        "model "
                                + modelId
                                + " failed on "
                                + FrameDecoding.describe(laterFrame)
                                + " from anchor frame "
                                + anchorFrame.getSequence()
                                + ": "
                                + e,
                        null);
            }
            nanos += System.nanoTime() - start;
            for (int i = 0; i < anchors.size(); i++) {
                results.put(anchors.get(i).pointId(), result(anchors.get(i), estimates.get(i)));
            }
        }
        List<PointResult> ordered =
                request.points().stream().map(p -> results.get(p.pointId())).toList();
        return TrackResponse.tracked(request, modelId, nanos / 1e6, ordered);
    }

    /**
     * Throws the {@link Error} behind {@code e}, if any (e.g. from the model's thread, wrapped in a
     * {@code CompletionException}): that is the JVM's trouble, not the pair's, and must not end up
     * as a failed pair.
     */
    private static void rethrowError(RuntimeException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof Error error) {
                throw error;
            }
        }
    }

    private static PointResult result(PointAnchor anchor, PointEstimate e) {
        return new PointResult(
                anchor,
                e.position().x(),
                e.position().y(),
                e.visible(),
                e.peak(),
                e.passes(),
                e.passEquivalents(),
                e.cycleError());
    }

    /** A failed response whose dead letter carries {@code culprit} as it was read, if known. */
    private TrackResponse failed(
            TrackRequest request, DeadLetterReason reason, String message, Frame culprit) {
        DeadLetter letter =
                DeadLetters.frame(framesTopic, request.cameraId(), culprit, reason, message);
        return TrackResponse.failed(request, modelId, reason + ": " + message, letter);
    }
}
