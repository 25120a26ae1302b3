package io.flowtrace.job.internal;

import io.flowtrace.job.TrackResponse;
import io.flowtrace.schema.Anchor;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.ModelInfo;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.PairTimings;
import io.flowtrace.schema.PointFlow;
import io.flowtrace.schema.TrackUpdate;
import java.time.Instant;
import java.util.List;

/** Builds the Avro records {@code TrackStateFunction} publishes. */
public final class TrackOutputs {

    private TrackOutputs() {}

    /** The flow result of a response; SKIPPED with the failure as reason unless tracked. */
    public static FlowResult flowResult(
            TrackResponse r, List<PointFlow> points, long publishMillis) {
        boolean tracked = r.outcome() == TrackResponse.Outcome.TRACKED;
        return FlowResult.newBuilder()
                .setCameraId(r.cameraId())
                .setFromSequence(r.fromSequence())
                .setToSequence(r.toSequence())
                .setMissingFrames(r.missingFrames())
                .setStatus(tracked ? PairStatus.TRACKED : PairStatus.SKIPPED)
                .setSkipReason(tracked ? null : r.failure())
                .setPoints(points)
                .setModel(modelInfo(r.modelId()))
                .setTimings(
                        PairTimings.newBuilder()
                                .setCaptureTime(Instant.ofEpochMilli(r.captureTimeMillis()))
                                .setPublishTime(Instant.ofEpochMilli(publishMillis))
                                .setInferenceMillis(r.inferenceMillis())
                                .setIngestToPublishMillis(publishMillis - r.receivedAtMillis())
                                .build())
                .build();
    }

    /** One point's motion from {@code from} to {@code to}. */
    public static PointFlow pointFlow(
            PointTrack from, PointTrack to, int passes, double passEquivalents) {
        return PointFlow.newBuilder()
                .setPointId(to.anchor().pointId())
                .setFromX(from.x())
                .setFromY(from.y())
                .setToX(to.x())
                .setToY(to.y())
                .setVisible(to.visible())
                .setKlPeak(to.peak())
                .setPasses(passes)
                .setPassEquivalents(passEquivalents)
                .build();
    }

    /** The update announcing {@code track}'s state, with no model cost (e.g. a removal). */
    public static TrackUpdate update(String cameraId, PointTrack track, long captureMillis) {
        return update(cameraId, track, captureMillis, 0);
    }

    /** The update announcing {@code track}'s state after a step that cost the model this much. */
    public static TrackUpdate update(
            String cameraId, PointTrack track, long captureMillis, double passEquivalents) {
        return TrackUpdate.newBuilder()
                .setCameraId(cameraId)
                .setPointId(track.anchor().pointId())
                .setSequence(track.sequence())
                .setX(track.x())
                .setY(track.y())
                .setVisible(track.visible())
                .setKlPeak(track.peak())
                .setStatus(track.status())
                .setAnchor(new Anchor(track.seenSequence(), track.seenX(), track.seenY()))
                .setCaptureTime(Instant.ofEpochMilli(captureMillis))
                .setPassEquivalents(passEquivalents)
                .build();
    }

    /** Splits a model id {@code name:version}; a bare name gets version {@code unknown}. */
    static ModelInfo modelInfo(String modelId) {
        int colon = modelId.lastIndexOf(':');
        return colon < 0
                ? new ModelInfo(modelId, "unknown")
                : new ModelInfo(modelId.substring(0, colon), modelId.substring(colon + 1));
    }
}
