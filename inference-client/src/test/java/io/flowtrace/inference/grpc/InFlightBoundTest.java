package io.flowtrace.inference.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowtrace.inference.ProbeParams;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class InFlightBoundTest {

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void atMostMaxInFlightCallsReachTheServerWhileCallersWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeInferenceService fake = new FakeInferenceService().holdingUntil(release);
        List<CompletableFuture<ProbeResult>> futures = new CopyOnWriteArrayList<>();
        AtomicInteger submitted = new AtomicInteger();
        try (LoopbackServer server = LoopbackServer.plaintext(fake);
                GrpcProbeModel model =
                        GrpcProbeModel.connect(
                                ProbeFixtures.fast(server.target()).maxInFlight(3).build())) {
            Thread caller =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 8; i++) {
                                    ProbeRequest r =
                                            ProbeRequest.of(
                                                    ProbeFixtures.pair(i, 1), ProbeParams.PAPER);
                                    futures.add(model.probeAsync(r));
                                    submitted.incrementAndGet();
                                }
                            });
            caller.start();

            await(() -> fake.inFlight.get() == 3);
            Thread.sleep(200);
            assertThat(fake.inFlight.get()).isEqualTo(3);
            assertThat(submitted.get()).isEqualTo(3);
            assertThat(model.metrics().inFlight()).isEqualTo(3);

            release.countDown();
            caller.join(10_000);
            for (int i = 0; i < 8; i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS).get(0).value(0, 0, 0, 0))
                        .isEqualTo(i);
            }
            assertThat(fake.peakInFlight.get()).isEqualTo(3);
            assertThat(model.metrics().peakInFlight()).isEqualTo(3);
            assertThat(model.metrics().inFlight()).isZero();
        } finally {
            release.countDown();
        }
    }
}
