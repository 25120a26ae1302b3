package io.flowtrace.views.internal;

import java.util.List;
import java.util.Map;

/** The JSON bodies of the HTTP API. Times are epoch milliseconds; positions are frame pixels. */
public final class Payloads {

    private Payloads() {}

    /** One track: where it is now, and where it was (oldest first, now last). */
    public record Track(
            String id,
            String camera,
            long sequence,
            double x,
            double y,
            boolean visible,
            String status,
            float klPeak,
            long captureTime,
            List<TrailStep> trail) {

        static Track of(TrackView v) {
            return new Track(
                    v.getPointId(),
                    v.getCameraId(),
                    v.getSequence(),
                    v.getX(),
                    v.getY(),
                    v.getVisible(),
                    v.getStatus(),
                    v.getKlPeak(),
                    v.getCaptureTime(),
                    v.getTrail().stream().map(TrailStep::of).toList());
        }
    }

    /** One position of a track's trail. */
    public record TrailStep(long sequence, double x, double y, boolean visible, long captureTime) {

        static TrailStep of(TrailPoint p) {
            return new TrailStep(
                    p.getSequence(), p.getX(), p.getY(), p.getVisible(), p.getCaptureTime());
        }
    }

    /** One window's motion summary; open windows are still being added to. */
    public record Summary(
            long windowStart,
            long windowEnd,
            int activeTracks,
            int pointSteps,
            double meanSpeed,
            double maxSpeed,
            double occludedShare,
            int trackedPairs,
            int skippedPairs) {}

    /** The viewer frame a camera has now: its sequence and the original frame's size. */
    public record FrameInfo(long sequence, long captureTime, int width, int height) {}

    /** A point to start tracking, as the viewer sends it. */
    public record Click(Double x, Double y, Long frameSequence) {}

    /** The query a click was published as. */
    public record Query(String camera, String queryId, Long frameSequence, double x, double y) {}

    /** A track that left the camera's state. */
    public record Removed(String id) {}

    /** What the service set aside, and its state. */
    public record Status(
            String state,
            String instance,
            Map<String, Long> deadLetters,
            long staleUpdates,
            long unreadableImages) {}

    /** Why a request failed. */
    public record Error(String error) {}
}
