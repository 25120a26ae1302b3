package io.flowtrace.job;

import io.flowtrace.schema.Frame;
import java.util.List;
import java.util.Objects;

/**
 * What to track for one frame pair of one camera: every registered point from its anchor frame into
 * the pair's later frame.
 *
 * @param cameraId the camera
 * @param fromSequence sequence of the pair's earlier frame
 * @param later the frame to track into
 * @param missingFrames frames lost between the pair's frames
 * @param receivedAtMillis processing time at which the job received {@code later}
 * @param points the camera's points, each with its anchor
 * @param anchorFrames each frame some point is anchored on, once, by ascending sequence
 * @param removedPointIds points removed since the previous request, so their tracks can end
 */
public record TrackRequest(
        String cameraId,
        long fromSequence,
        Frame later,
        int missingFrames,
        long receivedAtMillis,
        List<PointAnchor> points,
        List<Frame> anchorFrames,
        List<String> removedPointIds) {

    public TrackRequest {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(later, "later");
        points = List.copyOf(points);
        anchorFrames = List.copyOf(anchorFrames);
        removedPointIds = List.copyOf(removedPointIds);
    }

    /** Sequence of the frame tracked into. */
    public long toSequence() {
        return later.getSequence();
    }
}
