package io.flowtrace.cli.demo;

import io.flowtrace.eval.Scores;
import io.flowtrace.eval.TapVidMetrics;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.task.TrackPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per camera: pairs, points, accuracy against the ground truth, throughput and latency. */
public final class DemoReport {

    private DemoReport() {}

    /** The predictions of one camera as task rows: id, frame, x, y, visible. */
    public static List<TrackPoint> rows(String camera, List<TrackUpdate> updates) {
        List<TrackPoint> rows = new ArrayList<>();
        for (TrackUpdate u : updates) {
            if (u.getCameraId().equals(camera)) {
                rows.add(
                        new TrackPoint(
                                Integer.parseInt(u.getPointId()),
                                (int) u.getSequence(),
                                u.getX(),
                                u.getY(),
                                u.getVisible()));
            }
        }
        rows.sort(Comparator.comparingInt(TrackPoint::id).thenComparingInt(TrackPoint::t));
        return rows;
    }

    /** The report's lines. */
    public static List<String> lines(Map<String, DemoCamera> cameras, DemoOutputs outputs) {
        List<String> lines = new ArrayList<>();
        double seconds = Duration.between(outputs.start(), outputs.end()).toNanos() / 1e9;
        for (var e : new TreeMap<>(cameras).entrySet()) {
            String camera = e.getKey();
            DemoCamera c = e.getValue();
            List<DemoOutputs.Received> mine =
                    outputs.results().stream()
                            .filter(r -> r.result().getCameraId().equals(camera))
                            .toList();
            long tracked =
                    mine.stream().filter(r -> r.result().getStatus() == PairStatus.TRACKED).count();
            long points =
                    outputs.updates().stream()
                            .filter(u -> u.getCameraId().equals(camera))
                            .map(TrackUpdate::getPointId)
                            .distinct()
                            .count();
            List<TrackPoint> rows = rows(camera, outputs.updates());
            String accuracy = "no ground truth";
            if (c.hasGroundTruth() && tracked > 0) {
                // skipped pairs have no estimates: score the frames that were tracked
                Set<Long> frames =
                        mine.stream()
                                .filter(r -> r.result().getStatus() == PairStatus.TRACKED)
                                .map(r -> r.result().getToSequence())
                                .collect(Collectors.toSet());
                List<TrackPoint> truth =
                        c.groundTruth().stream()
                                .filter(t -> frames.contains((long) t.t()))
                                .toList();
                Scores s = TapVidMetrics.score(truth, rows, c.width(), c.height());
                accuracy =
                        String.format(
                                Locale.ROOT,
                                "<δavg %.1f  AD %.2f px  OA %.1f  AJ %.1f%s",
                                s.deltaAvg(),
                                s.ad(),
                                s.oa(),
                                s.aj(),
                                tracked < c.frames() - 1 ? " (tracked frames)" : "");
            }
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "%s: %d of %d pairs tracked, %d points, %d track rows | %s"
                                    + " | %.2f pairs/s, %.1f point-steps/s | %s",
                            camera,
                            tracked,
                            c.frames() - 1,
                            points,
                            rows.size(),
                            accuracy,
                            mine.size() / seconds,
                            rows.size() / seconds,
                            latency(mine)));
        }
        lines.add(summary(outputs, seconds));
        return lines;
    }

    /** Every camera together: pairs tracked and skipped, point-steps, latency percentiles. */
    static String summary(DemoOutputs outputs, double seconds) {
        List<DemoOutputs.Received> all = outputs.results();
        long tracked =
                all.stream().filter(r -> r.result().getStatus() == PairStatus.TRACKED).count();
        long steps = all.stream().mapToLong(r -> r.result().getPoints().size()).sum();
        double passEquivalents =
                all.stream()
                        .flatMap(r -> r.result().getPoints().stream())
                        .mapToDouble(p -> p.getPassEquivalents())
                        .sum();
        return String.format(
                Locale.ROOT,
                "all cameras: %d pairs tracked, %d skipped | %.1f point-steps/s, %.2f"
                        + " pass-equivalents per point-step | %s",
                tracked,
                all.size() - tracked,
                steps / seconds,
                steps == 0 ? 0 : passEquivalents / steps,
                latency(all));
    }

    /**
     * Latency percentiles of the tracked pairs among {@code results}: in the job (from the later
     * frame's arrival to publication) and from capture to this consumer. Skipped pairs are
     * published at once and carry no estimates, so they are left out.
     */
    private static String latency(List<DemoOutputs.Received> results) {
        List<DemoOutputs.Received> tracked =
                results.stream().filter(r -> r.result().getStatus() == PairStatus.TRACKED).toList();
        if (tracked.isEmpty()) {
            return "no pair tracked, no latency";
        }
        double[] inJob =
                tracked.stream()
                        .mapToDouble(r -> r.result().getTimings().getIngestToPublishMillis())
                        .sorted()
                        .toArray();
        double[] endToEnd =
                tracked.stream()
                        .mapToDouble(r -> millisSinceCapture(r.result(), r.at()))
                        .sorted()
                        .toArray();
        return String.format(
                Locale.ROOT,
                "tracked pairs' latency in job p50 %.0f ms p99 %.0f ms, capture to consumer p50"
                        + " %.0f ms p99 %.0f ms",
                percentile(inJob, 50),
                percentile(inJob, 99),
                percentile(endToEnd, 50),
                percentile(endToEnd, 99));
    }

    /**
     * The pipeline's point-steps per second over {@code raw}'s, two ways. Whole run: every tracked
     * point over the time from the first pair's tracking start (its publication less its time in
     * the tracker) to the last pair's publication, against the raw run's points over its whole
     * time. Steady: from the first result read to the last, the points of every result after the
     * first, against the raw run measured the same way.
     */
    public static String overhead(DemoOutputs outputs, RawThroughput.Result raw) {
        List<DemoOutputs.Received> tracked =
                outputs.results().stream()
                        .filter(r -> r.result().getStatus() == PairStatus.TRACKED)
                        .sorted(java.util.Comparator.comparing(DemoOutputs.Received::at))
                        .toList();
        if (tracked.size() < 2) {
            return "overhead: fewer than 2 tracked pairs, no rate to compare";
        }
        long all = tracked.stream().mapToLong(r -> r.result().getPoints().size()).sum();
        double firstStart =
                tracked.stream()
                        .mapToDouble(
                                r ->
                                        r.result().getTimings().getPublishTime().toEpochMilli()
                                                - r.result().getTimings().getInferenceMillis())
                        .min()
                        .orElseThrow();
        double lastPublish =
                tracked.stream()
                        .mapToDouble(r -> r.result().getTimings().getPublishTime().toEpochMilli())
                        .max()
                        .orElseThrow();
        double whole = all / ((lastPublish - firstStart) / 1000);
        long steps = all - tracked.get(0).result().getPoints().size();
        double seconds =
                Duration.between(tracked.get(0).at(), tracked.get(tracked.size() - 1).at())
                                .toNanos()
                        / 1e9;
        double steady = steps / seconds;
        return String.format(
                Locale.ROOT,
                "overhead: pipeline %.2f point-steps/s (%d in %.1f s, first tracking start to last"
                        + " publication), the same tracking without it %.2f (%d in %.1f s on %d"
                        + " threads): ratio %.3f; steady rates (after the first result) %.2f and"
                        + " %.2f: ratio %.3f",
                whole,
                all,
                (lastPublish - firstStart) / 1000,
                raw.perSecond(),
                raw.pointSteps(),
                raw.elapsed().toNanos() / 1e9,
                raw.threads(),
                whole / raw.perSecond(),
                steady,
                raw.steadyPerSecond(),
                steady / raw.steadyPerSecond());
    }

    private static double millisSinceCapture(FlowResult r, java.time.Instant at) {
        return Duration.between(r.getTimings().getCaptureTime(), at).toNanos() / 1e6;
    }

    /** Nearest-rank percentile of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
