package io.flowtrace.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingProbeModelTest {

    /** Answers each pair with maps filled with its first seed; records every request. */
    private static class RecordingModel implements ProbeModel {
        final List<ProbeRequest> requests = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public String modelId() {
            return "recording";
        }

        @Override
        public boolean supportsFineMaps() {
            return false;
        }

        @Override
        public ProbeResult probe(ProbeRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return new ProbeResult(
                    request.pairs().stream()
                            .map(
                                    p -> {
                                        float[] v =
                                                new float[p.pointCount() * p.seeds().length * 4];
                                        java.util.Arrays.fill(v, p.seeds()[0]);
                                        return new ProbeMaps(
                                                p.pointCount(), p.seeds().length, 2, v, 0);
                                    })
                            .toList());
        }

        @Override
        public CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
            try {
                return CompletableFuture.completedFuture(probe(request));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    private static final RgbImage CROP = RgbImage.blank(256, 256);

    private static ProbeRequest request(ProbeParams params, long... firstSeeds) {
        return new ProbeRequest(
                java.util.Arrays.stream(firstSeeds)
                        .mapToObj(
                                s -> new ProbePair(CROP, CROP, new float[] {1, 2}, new long[] {s}))
                        .toList(),
                params);
    }

    private static float firstValue(ProbeMaps maps) {
        return maps.value(0, 0, 0, 0);
    }

    @Test
    void coalescesCallersWithinTheDelayAndAnswersEachWithItsOwnMaps() throws Exception {
        RecordingModel model = new RecordingModel();
        try (BatchingProbeModel batching =
                new BatchingProbeModel(model, 16, Duration.ofMillis(200))) {
            CompletableFuture<ProbeResult> a =
                    batching.probeAsync(request(ProbeParams.PAPER, 1, 2));
            CompletableFuture<ProbeResult> b = batching.probeAsync(request(ProbeParams.PAPER, 3));

            ProbeResult ra = a.get(5, TimeUnit.SECONDS);
            ProbeResult rb = b.get(5, TimeUnit.SECONDS);

            assertThat(model.requests).hasSize(1);
            assertThat(model.requests.get(0).pairs()).hasSize(3);
            assertThat(ra.maps())
                    .extracting(BatchingProbeModelTest::firstValue)
                    .containsExactly(1f, 2f);
            assertThat(rb.maps())
                    .extracting(BatchingProbeModelTest::firstValue)
                    .containsExactly(3f);
        }
    }

    @Test
    void sendsAtOnceWhenTheBatchIsFull() throws Exception {
        RecordingModel model = new RecordingModel();
        try (BatchingProbeModel batching = new BatchingProbeModel(model, 3, Duration.ofHours(1))) {
            CompletableFuture<ProbeResult> a = batching.probeAsync(request(ProbeParams.PAPER, 1));
            CompletableFuture<ProbeResult> b =
                    batching.probeAsync(request(ProbeParams.PAPER, 2, 3));

            assertThat(b.get(5, TimeUnit.SECONDS).maps()).hasSize(2);
            assertThat(a.get(5, TimeUnit.SECONDS).maps()).hasSize(1);
            assertThat(model.requests).hasSize(1);
        }
    }

    @Test
    void keepsRequestsWithDifferentParametersApart() throws Exception {
        RecordingModel model = new RecordingModel();
        try (BatchingProbeModel batching =
                new BatchingProbeModel(model, 16, Duration.ofMillis(50))) {
            CompletableFuture<ProbeResult> a = batching.probeAsync(request(ProbeParams.PAPER, 1));
            CompletableFuture<ProbeResult> b =
                    batching.probeAsync(request(ProbeParams.PAPER.withMapSize(64), 2));

            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);

            assertThat(model.requests).hasSize(2);
            assertThat(model.requests)
                    .extracting(r -> r.params().mapSize())
                    .containsExactlyInAnyOrder(32, 64);
        }
    }

    @Test
    void failsEveryCallerOfAFailedBatch() {
        RecordingModel model = new RecordingModel();
        model.failure = new IllegalStateException("server gone");
        try (BatchingProbeModel batching = new BatchingProbeModel(model, 2, Duration.ofHours(1))) {
            CompletableFuture<ProbeResult> a = batching.probeAsync(request(ProbeParams.PAPER, 1));
            CompletableFuture<ProbeResult> b = batching.probeAsync(request(ProbeParams.PAPER, 2));

            assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("server gone");
            assertThatThrownBy(() -> b.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("server gone");
        }
    }

    @Test
    void failsEveryCallerWhenTheModelAnswersTheWrongNumberOfMaps() {
        ProbeModel short1 =
                new RecordingModel() {
                    @Override
                    public ProbeResult probe(ProbeRequest request) {
                        return new ProbeResult(super.probe(request).maps().subList(0, 1));
                    }
                };
        try (BatchingProbeModel batching = new BatchingProbeModel(short1, 2, Duration.ofHours(1))) {
            CompletableFuture<ProbeResult> a = batching.probeAsync(request(ProbeParams.PAPER, 1));
            CompletableFuture<ProbeResult> b = batching.probeAsync(request(ProbeParams.PAPER, 2));

            assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("1 maps for 2 pairs");
            assertThatThrownBy(() -> b.get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("1 maps for 2 pairs");
        }
    }

    @Test
    void aBatchSentFullDoesNotLetItsTimerSendTheNextOneEarly() throws Exception {
        RecordingModel model = new RecordingModel();
        try (BatchingProbeModel batching =
                new BatchingProbeModel(model, 2, Duration.ofMillis(1200))) {
            batching.probeAsync(request(ProbeParams.PAPER, 1));
            batching.probeAsync(request(ProbeParams.PAPER, 2)).get(5, TimeUnit.SECONDS);
            Thread.sleep(600);
            CompletableFuture<ProbeResult> late =
                    batching.probeAsync(request(ProbeParams.PAPER, 3));
            Thread.sleep(900);
            CompletableFuture<ProbeResult> later =
                    batching.probeAsync(request(ProbeParams.PAPER, 4));

            later.get(5, TimeUnit.SECONDS);
            late.get(5, TimeUnit.SECONDS);

            // the first batch's timer fired at 1200 ms, between 3 (600 ms) and 4 (1500 ms; its
            // own timer is due at 1800 ms): had it sent what was waiting, 3 and 4 would have
            // gone out one by one
            assertThat(model.requests).extracting(r -> r.pairs().size()).containsExactly(2, 2);
        }
    }

    @Test
    void refusesRequestsOnceClosed() {
        BatchingProbeModel batching =
                new BatchingProbeModel(new RecordingModel(), 2, Duration.ofMillis(10));
        batching.close();

        assertThatThrownBy(() -> batching.probeAsync(request(ProbeParams.PAPER, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeSendsWhatIsStillWaiting() throws Exception {
        RecordingModel model = new RecordingModel();
        BatchingProbeModel batching = new BatchingProbeModel(model, 16, Duration.ofHours(1));
        CompletableFuture<ProbeResult> a = batching.probeAsync(request(ProbeParams.PAPER, 7));

        batching.close();

        assertThat(firstValue(a.get(5, TimeUnit.SECONDS).maps().get(0))).isEqualTo(7f);
    }
}
