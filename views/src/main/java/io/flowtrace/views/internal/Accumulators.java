package io.flowtrace.views.internal;

import io.flowtrace.schema.MotionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Adding up motion summaries, and what a sum says once its window is known. */
public final class Accumulators {

    private Accumulators() {}

    /** Nothing seen yet. */
    public static SummaryAccumulator empty() {
        return new SummaryAccumulator(new ArrayList<>(), 0, 0, 0.0, 0, 0.0, 0, 0);
    }

    /** {@code a} and {@code b} together; neither is changed. */
    public static SummaryAccumulator merge(SummaryAccumulator a, SummaryAccumulator b) {
        TreeSet<String> ids = new TreeSet<>(a.getTracks());
        ids.addAll(b.getTracks());
        return new SummaryAccumulator(
                new ArrayList<>(ids),
                a.getSteps() + b.getSteps(),
                a.getOccludedSteps() + b.getOccludedSteps(),
                a.getSpeedSum() + b.getSpeedSum(),
                a.getSpeedCount() + b.getSpeedCount(),
                Math.max(a.getMaxSpeed(), b.getMaxSpeed()),
                a.getTrackedPairs() + b.getTrackedPairs(),
                a.getSkippedPairs() + b.getSkippedPairs());
    }

    /** The summary of {@code camera}'s window from {@code start} to {@code end} (exclusive). */
    public static MotionSummary summary(String camera, long start, long end, SummaryAccumulator a) {
        List<String> tracks = a.getTracks();
        return MotionSummary.newBuilder()
                .setCameraId(camera)
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(end))
                .setActiveTracks(tracks.size())
                .setPointSteps(a.getSteps())
                .setMeanSpeed(a.getSpeedCount() == 0 ? 0.0 : a.getSpeedSum() / a.getSpeedCount())
                .setMaxSpeed(a.getMaxSpeed())
                .setOccludedShare(
                        a.getSteps() == 0 ? 0.0 : a.getOccludedSteps() / (double) a.getSteps())
                .setTrackedPairs(a.getTrackedPairs())
                .setSkippedPairs(a.getSkippedPairs())
                .build();
    }
}
