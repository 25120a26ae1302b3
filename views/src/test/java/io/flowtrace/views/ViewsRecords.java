package io.flowtrace.views;

import io.flowtrace.schema.Anchor;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.ModelInfo;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.PairTimings;
import io.flowtrace.schema.PointFlow;
import io.flowtrace.schema.TrackStatus;
import io.flowtrace.schema.TrackUpdate;
import java.time.Instant;
import java.util.List;

/** Records as the tracking job writes them, at named instants. */
final class ViewsRecords {

    /** The start of the first summary window in the tests. */
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private ViewsRecords() {}

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    static TrackUpdate update(
            String camera, String point, long sequence, double x, double y, boolean visible) {
        return update(camera, point, sequence, x, y, visible, at(sequence * 100));
    }

    static TrackUpdate update(
            String camera,
            String point,
            long sequence,
            double x,
            double y,
            boolean visible,
            Instant capture) {
        return TrackUpdate.newBuilder()
                .setCameraId(camera)
                .setPointId(point)
                .setSequence(sequence)
                .setX(x)
                .setY(y)
                .setVisible(visible)
                .setKlPeak(0.5f)
                .setStatus(visible ? TrackStatus.TRACKING : TrackStatus.OCCLUDED)
                .setAnchor(new Anchor(0L, x, y))
                .setCaptureTime(capture)
                .setPassEquivalents(3.0)
                .build();
    }

    static TrackUpdate removed(String camera, String point, long sequence) {
        TrackUpdate u = update(camera, point, sequence, 0, 0, false);
        u.setStatus(TrackStatus.REMOVED);
        return u;
    }

    static PointFlow flow(String point, double fromX, double toX, boolean visible) {
        return PointFlow.newBuilder()
                .setPointId(point)
                .setFromX(fromX)
                .setFromY(10)
                .setToX(toX)
                .setToY(10)
                .setVisible(visible)
                .setKlPeak(0.5f)
                .setPasses(10)
                .setPassEquivalents(3.0)
                .build();
    }

    /** The pair (to - 1, to) of {@code camera}, its later frame captured at {@code capture}. */
    static FlowResult tracked(String camera, long to, Instant capture, PointFlow... points) {
        return pair(camera, to, capture, PairStatus.TRACKED, null, List.of(points));
    }

    static FlowResult skipped(String camera, long to, Instant capture) {
        return pair(camera, to, capture, PairStatus.SKIPPED, "overload", List.of());
    }

    private static FlowResult pair(
            String camera,
            long to,
            Instant capture,
            PairStatus status,
            String reason,
            List<PointFlow> points) {
        return FlowResult.newBuilder()
                .setCameraId(camera)
                .setFromSequence(to - 1)
                .setToSequence(to)
                .setMissingFrames(0)
                .setStatus(status)
                .setSkipReason(reason)
                .setPoints(points)
                .setModel(new ModelInfo("flowtrace-reference", "1"))
                .setTimings(new PairTimings(capture, capture.plusMillis(500), 100.0, 500.0))
                .build();
    }
}
