package io.flowtrace.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.schema.Anchor;
import io.flowtrace.schema.FlowResult;
import io.flowtrace.schema.ModelInfo;
import io.flowtrace.schema.PairStatus;
import io.flowtrace.schema.PairTimings;
import io.flowtrace.schema.TrackStatus;
import io.flowtrace.schema.TrackUpdate;
import io.flowtrace.task.Query;
import io.flowtrace.task.TrackPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");

    private static final DemoCamera CAMERA =
            new DemoCamera(
                    Path.of("cam"),
                    3,
                    64,
                    64,
                    List.of(new Query(0, 0, 5, 5)),
                    List.of(
                            new TrackPoint(0, 1, 10, 10, true),
                            new TrackPoint(0, 2, 20, 20, true)));

    @Test
    void scoresOnlyTheFramesThatWereTrackedWhenPairsWereSkipped() {
        DemoOutputs outputs =
                new DemoOutputs(
                        List.of(
                                received(0, 1, PairStatus.SKIPPED),
                                received(1, 2, PairStatus.TRACKED)),
                        List.of(update(2, 20.5, 20)),
                        T0,
                        T0.plusSeconds(2),
                        true);

        String line = DemoReport.lines(Map.of("cam", CAMERA), outputs).get(0);

        assertThat(line)
                .startsWith("cam: 1 of 2 pairs tracked, 1 points, 1 track rows")
                .contains("<δavg 60.0  AD 2.00 px") // 0.5 px at 64 px wide is 2 px at 256
                .contains("(tracked frames)")
                .contains("1.00 pairs/s")
                .contains("tracked pairs' latency in job p50 400 ms p99 400 ms");
    }

    @Test
    void countsMissingEstimatesOfTrackedFrames() {
        DemoOutputs outputs =
                new DemoOutputs(
                        List.of(
                                received(0, 1, PairStatus.TRACKED),
                                received(1, 2, PairStatus.TRACKED)),
                        List.of(update(2, 20, 20)),
                        T0,
                        T0.plusSeconds(2),
                        true);

        String line = DemoReport.lines(Map.of("cam", CAMERA), outputs).get(0);

        assertThat(line).contains("2 of 2 pairs tracked").doesNotContain("(tracked frames)");
        assertThat(line).contains("<δavg 50.0");
    }

    @Test
    void summarisesEveryCameraAndComparesTheSteadyRateWithTheRawOne() {
        DemoOutputs outputs =
                new DemoOutputs(
                        List.of(
                                withPoints(received(0, 1, PairStatus.TRACKED), 3),
                                received(1, 2, PairStatus.SKIPPED),
                                withPoints(received(2, 3, PairStatus.TRACKED), 4)),
                        List.of(),
                        T0,
                        T0.plusSeconds(2),
                        true);

        List<String> lines = DemoReport.lines(Map.of("cam", CAMERA), outputs);
        // the results arrive 0.2 s apart: after the first, 4 point-steps in 0.2 s
        String overhead =
                DemoReport.overhead(
                        outputs,
                        new RawThroughput.Result(
                                50,
                                java.time.Duration.ofSeconds(2),
                                4,
                                40,
                                java.time.Duration.ofMillis(1600)));

        assertThat(lines.get(lines.size() - 1))
                .startsWith("all cameras: 2 pairs tracked, 1 skipped | 3.5 point-steps/s, 1.50")
                .contains("tracked pairs' latency in job p50 400 ms");
        // published at 0.6 s and 0.8 s, each after 100 ms in the tracker: 7 point-steps from the
        // first start at 0.5 s to 0.8 s
        assertThat(overhead)
                .contains("pipeline 23.33 point-steps/s (7 in 0.3 s")
                .contains("without it 25.00 (50 in 2.0 s on 4 threads): ratio 0.933")
                .endsWith("steady rates (after the first result) 20.00 and 25.00: ratio 0.800");
    }

    private static DemoOutputs.Received withPoints(DemoOutputs.Received r, int n) {
        List<io.flowtrace.schema.PointFlow> points = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(
                    new io.flowtrace.schema.PointFlow(
                            "p" + i, 1.0, 1.0, 2.0, 2.0, true, 1f, 4, 1.5));
        }
        FlowResult copy = FlowResult.newBuilder(r.result()).setPoints(points).build();
        return new DemoOutputs.Received(copy, r.at());
    }

    @Test
    void takesNearestRankPercentiles() {
        double[] sorted = {1, 2, 3, 4};

        assertThat(DemoReport.percentile(sorted, 50)).isEqualTo(2);
        assertThat(DemoReport.percentile(sorted, 99)).isEqualTo(4);
        assertThat(DemoReport.percentile(new double[0], 50)).isNaN();
    }

    private static DemoOutputs.Received received(long from, long to, PairStatus status) {
        Instant capture = T0.plusMillis(100 * to);
        FlowResult result =
                FlowResult.newBuilder()
                        .setCameraId("cam")
                        .setFromSequence(from)
                        .setToSequence(to)
                        .setMissingFrames(0)
                        .setStatus(status)
                        .setSkipReason(status == PairStatus.TRACKED ? null : "live mode")
                        .setPoints(List.of())
                        .setModel(new ModelInfo("m", "1"))
                        .setTimings(
                                PairTimings.newBuilder()
                                        .setCaptureTime(capture)
                                        .setPublishTime(capture.plusMillis(500))
                                        .setInferenceMillis(100)
                                        // skipped pairs are published at once
                                        .setIngestToPublishMillis(
                                                status == PairStatus.TRACKED ? 400 : 5)
                                        .build())
                        .build();
        return new DemoOutputs.Received(result, capture.plusMillis(600));
    }

    private static TrackUpdate update(long sequence, double x, double y) {
        return TrackUpdate.newBuilder()
                .setCameraId("cam")
                .setPointId("0")
                .setSequence(sequence)
                .setX(x)
                .setY(y)
                .setVisible(true)
                .setKlPeak(1f)
                .setStatus(TrackStatus.TRACKING)
                .setAnchor(new Anchor(sequence, x, y))
                .setCaptureTime(T0.plusMillis(100 * sequence))
                .build();
    }
}
