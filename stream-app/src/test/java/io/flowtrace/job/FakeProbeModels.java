package io.flowtrace.job;

import io.flowtrace.inference.ProbeModel;
import io.flowtrace.inference.ProbeRequest;
import io.flowtrace.inference.ProbeResult;
import io.flowtrace.model.ReferenceModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probe models for the tracing operator's tests. Flink serializes the operator (and so the model
 * provider) when a harness is built, so providers must not capture instances: {@link #failing()}
 * makes a fresh model and {@link Blocking} coordinates through a static latch.
 */
final class FakeProbeModels {

    private FakeProbeModels() {}

    /** A provider of models that throw on every probe. */
    static ModelProvider failing() {
        return () -> new Fake("failing:1", false);
    }

    /** A provider of models whose probes wait until {@link Blocking#release()}. */
    static ModelProvider blocking() {
        return () -> new Fake("blocking:1", true);
    }

    /** A provider of models whose probes wait until {@link Blocking#release()}, then crash. */
    static ModelProvider blockingThenCrashing() {
        return () -> new Fake("crashing:1", true);
    }

    /**
     * A provider of reference models that, across all their instances, throw {@link SimulatedCrash}
     * on probe number {@code crashAt} (counting from 1) and only then: a crash that is no fault of
     * the pair's, as the tracing operator sees it.
     */
    static ModelProvider crashingOnce(int crashAt) {
        Crashing.PROBES.set(0);
        Crashing.crashAt = crashAt;
        return () -> new Crashing(new ReferenceModel());
    }

    /** Whether a {@link #crashingOnce} model has crashed. */
    static boolean crashed() {
        return Crashing.PROBES.get() >= Crashing.crashAt;
    }

    /** An {@link Error} thrown by {@link #crashingOnce} models. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(int probe) {
            super("simulated crash on probe " + probe);
        }
    }

    /** {@code model}, counting its probes in {@code probes}. */
    static ProbeModel counting(ProbeModel model, AtomicInteger probes) {
        return new Delegating(model) {
            @Override
            public ProbeResult probe(ProbeRequest request) {
                probes.incrementAndGet();
                return super.probe(request);
            }
        };
    }

    private static class Delegating implements ProbeModel {
        private final ProbeModel model;

        Delegating(ProbeModel model) {
            this.model = model;
        }

        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public boolean supportsFineMaps() {
            return model.supportsFineMaps();
        }

        @Override
        public ProbeResult probe(ProbeRequest request) {
            return model.probe(request);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    private static final class Crashing extends Delegating {
        private static final AtomicInteger PROBES = new AtomicInteger();
        private static volatile int crashAt;

        Crashing(ProbeModel model) {
            super(model);
        }

        @Override
        public ProbeResult probe(ProbeRequest request) {
            int n = PROBES.incrementAndGet();
            if (n == crashAt) {
                throw new SimulatedCrash(n);
            }
            return super.probe(request);
        }
    }

    /** The latch blocking models wait on; reset by each test that uses them. */
    static final class Blocking {
        private static volatile CountDownLatch latch = new CountDownLatch(1);
        private static final AtomicInteger ENTERED = new AtomicInteger();

        static void reset() {
            latch = new CountDownLatch(1);
            ENTERED.set(0);
        }

        /** Probes that have started since the last reset. */
        static int entered() {
            return ENTERED.get();
        }

        /** Waits up to 30 s until {@code n} probes have started. */
        static void awaitEntered(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ENTERED.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        static void release() {
            latch.countDown();
        }
    }

    private static final class Fake implements ProbeModel {
        private final String id;
        private final boolean blocks;

        Fake(String id, boolean blocks) {
            this.id = id;
            this.blocks = blocks;
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public boolean supportsFineMaps() {
            return true;
        }

        @Override
        public ProbeResult probe(ProbeRequest request) {
            if (blocks) {
                Blocking.ENTERED.incrementAndGet();
                try {
                    Blocking.latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (id.startsWith("crashing")) {
                throw new SimulatedCrash(Blocking.ENTERED.get());
            }
            throw new IllegalStateException("the " + id + " model does not probe");
        }
    }
}
