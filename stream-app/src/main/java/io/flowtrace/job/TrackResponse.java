package io.flowtrace.job;

import io.flowtrace.schema.DeadLetter;
import java.util.List;
import java.util.Objects;

/**
 * What tracking one {@link TrackRequest} gave. A request never fails the job: bad input completes
 * with {@link Outcome#FAILED} and a dead letter, a slow model with {@link Outcome#TIMED_OUT}.
 *
 * @param cameraId the camera
 * @param fromSequence sequence of the pair's earlier frame
 * @param toSequence sequence of the frame tracked into
 * @param missingFrames frames lost between the pair's frames
 * @param captureTimeMillis capture time of the frame tracked into
 * @param receivedAtMillis processing time at which the job received that frame
 * @param outcome whether the points were tracked
 * @param modelId the probe model's {@code name:version}
 * @param inferenceMillis time spent in the tracker (model passes and readout), decoding excluded
 * @param points one result per requested point when {@link Outcome#TRACKED}, else empty
 * @param removedPointIds the request's removed points, passed on whatever the outcome
 * @param failure why the pair was not tracked; null when tracked
 * @param deadLetter the dead letter for bad input; null unless {@link Outcome#FAILED}
 */
public record TrackResponse(
        String cameraId,
        long fromSequence,
        long toSequence,
        int missingFrames,
        long captureTimeMillis,
        long receivedAtMillis,
        Outcome outcome,
        String modelId,
        double inferenceMillis,
        List<PointResult> points,
        List<String> removedPointIds,
        String failure,
        DeadLetter deadLetter) {

    /** Whether and why not a request was tracked. */
    public enum Outcome {
        TRACKED,
        FAILED,
        TIMED_OUT,
        /** Live mode gave up on the pair to keep up with newer ones. */
        SKIPPED
    }

    public TrackResponse {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(modelId, "modelId");
        points = List.copyOf(points);
        removedPointIds = List.copyOf(removedPointIds);
        if ((outcome == Outcome.TRACKED) != (failure == null)) {
            throw new IllegalArgumentException(
                    "camera " + cameraId + ": a reason goes with every outcome but TRACKED");
        }
    }

    /** This response with {@code replaced} as its points. */
    public TrackResponse withPoints(List<PointResult> replaced) {
        return new TrackResponse(
                cameraId,
                fromSequence,
                toSequence,
                missingFrames,
                captureTimeMillis,
                receivedAtMillis,
                outcome,
                modelId,
                inferenceMillis,
                replaced,
                removedPointIds,
                failure,
                deadLetter);
    }

    /** The points of {@code request}, tracked. */
    public static TrackResponse tracked(
            TrackRequest request,
            String modelId,
            double inferenceMillis,
            List<PointResult> points) {
        return of(request, Outcome.TRACKED, modelId, inferenceMillis, points, null, null);
    }

    /** {@code request} could not be tracked; {@code deadLetter} carries the bad input. */
    public static TrackResponse failed(
            TrackRequest request, String modelId, String failure, DeadLetter deadLetter) {
        return of(request, Outcome.FAILED, modelId, 0, List.of(), failure, deadLetter);
    }

    /** Live mode skipped {@code request} because it waited too long. */
    public static TrackResponse skipped(TrackRequest request, String modelId, String reason) {
        return of(request, Outcome.SKIPPED, modelId, 0, List.of(), reason, null);
    }

    /** The model did not answer {@code request} in time. */
    public static TrackResponse timedOut(TrackRequest request, String modelId, String failure) {
        return of(request, Outcome.TIMED_OUT, modelId, 0, List.of(), failure, null);
    }

    private static TrackResponse of(
            TrackRequest r,
            Outcome outcome,
            String modelId,
            double inferenceMillis,
            List<PointResult> points,
            String failure,
            DeadLetter deadLetter) {
        return new TrackResponse(
                r.cameraId(),
                r.fromSequence(),
                r.toSequence(),
                r.missingFrames(),
                r.later().getCaptureTime().toEpochMilli(),
                r.receivedAtMillis(),
                outcome,
                modelId,
                inferenceMillis,
                points,
                r.removedPointIds(),
                failure,
                deadLetter);
    }
}
