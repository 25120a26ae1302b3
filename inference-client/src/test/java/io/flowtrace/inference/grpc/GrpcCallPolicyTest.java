package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deadlines and retries of calls, against a fake server that fails or stalls on purpose. */
class GrpcCallPolicyTest {

    private static final ProbeRequest REQUEST =
            ProbeRequest.of(ProbeFixtures.pair(4, 1), ProbeParams.PAPER);

    @Test
    void retriesUnavailableWithBackoffThenSucceedsAndCountsTheRetries() throws Exception {
        FakeInferenceService fake = new FakeInferenceService().failing(2, Status.UNAVAILABLE);
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(ProbeFixtures.fast(server.target()).build())) {
            float value = model.probe(REQUEST).get(0).value(0, 0, 0, 0);

            assertThat(value).isEqualTo(4f);
            assertThat(fake.inferCalls.get()).isEqualTo(3);
            assertThat(model.metrics().retries()).isEqualTo(2);
            assertThat(model.metrics().failed()).isZero();
        }
    }

    @Test
    void retriesResourceExhaustedButGivesUpAfterMaxAttempts() throws Exception {
        FakeInferenceService fake =
                new FakeInferenceService().failing(10, Status.RESOURCE_EXHAUSTED);
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(ProbeFixtures.fast(server.target()).build())) {
            assertThatThrownBy(() -> model.probe(REQUEST))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("RESOURCE_EXHAUSTED")
                    .hasMessageContaining("after 3 attempts");
            assertThat(fake.inferCalls.get()).isEqualTo(3);
            assertThat(model.metrics().failuresByStatus()).containsEntry("RESOURCE_EXHAUSTED", 1L);
        }
    }

    @Test
    void neverRetriesInvalidArgument() throws Exception {
        FakeInferenceService fake =
                new FakeInferenceService()
                        .failing(1, Status.INVALID_ARGUMENT.withDescription("input SEEDS: bad"));
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(ProbeFixtures.fast(server.target()).build())) {
            assertThatThrownBy(() -> model.probe(REQUEST))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("ModelInfer lras_kl_probe at " + server.target())
                    .hasMessageContaining("INVALID_ARGUMENT: input SEEDS: bad")
                    .extracting(e -> ((InferenceException) e).code())
                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(fake.inferCalls.get()).isEqualTo(1);
            assertThat(model.metrics().retries()).isZero();
        }
    }

    @Test
    void deadlineExpiryFailsClearlyAndIsNotRetried() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeInferenceService fake = new FakeInferenceService().holdingUntil(never);
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(
                                ProbeFixtures.fast(server.target())
                                        .deadline(Duration.ofMillis(200))
                                        .build())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> model.probe(REQUEST))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("DEADLINE_EXCEEDED")
                    .hasMessageContaining("deadline 200 ms per attempt")
                    .hasMessageContaining("after 1 attempt");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(fake.inferCalls.get()).isEqualTo(1);
            assertThat(model.metrics().failuresByStatus()).containsEntry("DEADLINE_EXCEEDED", 1L);
        } finally {
            never.countDown();
        }
    }

    @Test
    void closingTheClientFailsCallsWaitingToRetry() throws Exception {
        FakeInferenceService fake = new FakeInferenceService().failing(10, Status.UNAVAILABLE);
        try (LoopbackServer server = LoopbackServer.plaintext(fake)) {
            GrpcProbeModel model =
                    GrpcProbeModel.connect(
                            ProbeFixtures.fast(server.target())
                                    .retries(5, Duration.ofSeconds(20), Duration.ofSeconds(20))
                                    .build());
            CompletableFuture<ProbeResult> pending = model.probeAsync(REQUEST);
            while (fake.inferCalls.get() == 0 || model.metrics().retries() == 0) {
                Thread.sleep(5);
            }

            model.close();

            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InferenceException.class);
            assertThat(fake.inferCalls.get()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableServerFailsAsUnavailableAfterTheRetries() throws Exception {
        GrpcTarget gone;
        try (LoopbackServer server = LoopbackServer.plaintext(new FakeInferenceService())) {
            gone = server.target();
        }
        assertThatThrownBy(() -> GrpcProbeModel.connect(ProbeFixtures.fast(gone).build()))
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("ServerLive at " + gone)
                .hasMessageContaining("UNAVAILABLE")
                .hasMessageContaining("after 3 attempts");
    }
}
