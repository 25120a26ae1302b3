package io.flowtrace.job.internal;

import io.flowtrace.job.PointAnchor;
import io.flowtrace.job.PointResult;
import io.flowtrace.schema.TrackStatus;
import java.util.Objects;

/**
 * What the job remembers of one tracked point: its latest estimate and its anchor, where it was
 * last confidently seen.
 *
 * @param anchor the point and the frame its track started from
 * @param sequence frame of the latest estimate
 * @param x latest horizontal position in pixels
 * @param y latest vertical position in pixels
 * @param visible whether the latest estimate was visible
 * @param peak the latest divergence peak
 * @param status the latest status
 * @param seenSequence the anchor frame the point is tracked from next: where it was last
 *     confidently seen (its start frame at first)
 * @param seenX horizontal position there
 * @param seenY vertical position there
 */
public record PointTrack(
        PointAnchor anchor,
        long sequence,
        double x,
        double y,
        boolean visible,
        float peak,
        TrackStatus status,
        long seenSequence,
        double seenX,
        double seenY) {

    public PointTrack {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(status, "status");
    }

    /** A new track, at its anchor. */
    public static PointTrack start(PointAnchor anchor) {
        return new PointTrack(
                anchor,
                anchor.sequence(),
                anchor.x(),
                anchor.y(),
                true,
                Float.NaN,
                TrackStatus.TRACKING,
                anchor.sequence(),
                anchor.x(),
                anchor.y());
    }

    /**
     * The track after {@code result} on frame {@code toSequence}: OCCLUDED when not visible,
     * REACQUIRED when visible right after OCCLUDED, TRACKING otherwise.
     */
    public PointTrack advance(PointResult result, long toSequence) {
        boolean seen = result.visible();
        TrackStatus next =
                !seen
                        ? TrackStatus.OCCLUDED
                        : status == TrackStatus.OCCLUDED
                                ? TrackStatus.REACQUIRED
                                : TrackStatus.TRACKING;
        return new PointTrack(
                anchor,
                toSequence,
                result.x(),
                result.y(),
                seen,
                (float) result.peak(),
                next,
                result.nextAnchor().sequence(),
                result.nextAnchor().x(),
                result.nextAnchor().y());
    }

    /** The track ended by a removal noticed on frame {@code toSequence}, at its last position. */
    public PointTrack removed(long toSequence) {
        return new PointTrack(
                anchor,
                toSequence,
                x,
                y,
                false,
                peak,
                TrackStatus.REMOVED,
                seenSequence,
                seenX,
                seenY);
    }
}
