package io.flowtrace.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Coalesces probe requests from many callers (points, cameras, threads) into fewer, larger requests
 * to the model it wraps: pairs with the same parameters wait up to {@code maxDelay} for company,
 * and go as soon as {@code maxPairs} of them are waiting. Each caller gets back exactly its own
 * maps, in its own order. With a remote model, this lets one ModelInfer batch carry probe steps of
 * several cameras.
 */
public final class BatchingProbeModel implements ProbeModel {

    /** One caller's request, waiting. */
    private record Waiting(ProbeRequest request, CompletableFuture<ProbeResult> result) {}

    private final ProbeModel model;
    private final int maxPairs;
    private final Duration maxDelay;
    private final ScheduledExecutorService timer;
    private final Map<ProbeParams, List<Waiting>> waiting = new HashMap<>();
    private final Map<ProbeParams, Integer> waitingPairs = new HashMap<>();
    private boolean closed;

    /**
     * @param maxPairs send as soon as this many pairs wait (e.g. the server's batch size)
     * @param maxDelay longest a pair waits for others
     */
    public BatchingProbeModel(ProbeModel model, int maxPairs, Duration maxDelay) {
        this.model = Objects.requireNonNull(model, "model");
        if (maxPairs < 1 || maxDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "batching needs maxPairs >= 1 and a non-negative delay, got "
                            + maxPairs
                            + " and "
                            + maxDelay);
        }
        this.maxPairs = maxPairs;
        this.maxDelay = maxDelay;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "probe-batching");
                            t.setDaemon(true);
                            return t;
                        });
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
        return probeAsync(request).join();
    }

    @Override
    public CompletableFuture<ProbeResult> probeAsync(ProbeRequest request) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        ProbeParams key = request.params();
        boolean full;
        boolean first;
        List<Waiting> list;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("probe model " + modelId() + " is closed");
            }
            list = waiting.computeIfAbsent(key, k -> new ArrayList<>());
            first = list.isEmpty();
            list.add(new Waiting(request, result));
            int pairs = waitingPairs.merge(key, request.pairs().size(), Integer::sum);
            full = pairs >= maxPairs;
        }
        if (full) {
            flush(key, null);
        } else if (first) {
            // the timer sends this batch only: if it went out full meanwhile, a newer one waits
            List<Waiting> batch = list;
            timer.schedule(() -> flush(key, batch), maxDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return result;
    }

    /**
     * Sends what waits under {@code key} as one request; with {@code only}, only if that is still
     * the batch waiting there.
     */
    private void flush(ProbeParams key, List<Waiting> only) {
        List<Waiting> batch;
        synchronized (this) {
            if (only != null && waiting.get(key) != only) {
                return;
            }
            batch = waiting.remove(key);
            waitingPairs.remove(key);
        }
        if (batch == null || batch.isEmpty()) {
            return;
        }
        List<ProbePair> pairs = new ArrayList<>();
        batch.forEach(w -> pairs.addAll(w.request().pairs()));
        CompletableFuture<ProbeResult> sent;
        try {
            sent = model.probeAsync(new ProbeRequest(pairs, key));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((r, e) -> answer(batch, r, e));
    }

    private static void answer(List<Waiting> batch, ProbeResult all, Throwable failure) {
        int pairs = batch.stream().mapToInt(w -> w.request().pairs().size()).sum();
        if (failure == null && all.maps().size() != pairs) {
            failure =
                    new IllegalStateException(
                            "the model answered "
                                    + all.maps().size()
                                    + " maps for "
                                    + pairs
                                    + " pairs");
        }
        int next = 0;
        for (Waiting w : batch) {
            int n = w.request().pairs().size();
            if (failure != null) {
                w.result().completeExceptionally(failure);
            } else {
                w.result().complete(new ProbeResult(all.maps().subList(next, next + n)));
            }
            next += n;
        }
    }

    /** Refuses new requests, sends what waits and lets it finish, then closes the model. */
    @Override
    public void close() {
        List<ProbeParams> keys;
        List<CompletableFuture<ProbeResult>> pending = new ArrayList<>();
        synchronized (this) {
            closed = true;
            keys = List.copyOf(waiting.keySet());
            waiting.values().forEach(l -> l.forEach(w -> pending.add(w.result())));
        }
        keys.forEach(k -> flush(k, null));
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // closing anyway: the callers see their own failures
        }
        timer.shutdownNow();
        model.close();
    }
}
