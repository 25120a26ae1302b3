package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.InferenceException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs unary calls on one channel: a deadline on every attempt, retries with {@link Backoff} on
 * UNAVAILABLE and RESOURCE_EXHAUSTED only, and at most {@code maxInFlight} calls at once (a caller
 * blocks until a slot frees: backpressure instead of an unbounded queue).
 */
public final class UnaryCalls {

    private final Channel channel;
    private final ScheduledExecutorService scheduler;
    private final GrpcClientConfig config;
    private final Backoff backoff;
    private final Semaphore slots;
    private final CallMetrics metrics;
    private final Set<Attempts<?, ?>> backingOff = ConcurrentHashMap.newKeySet();

    public UnaryCalls(
            Channel channel,
            ScheduledExecutorService scheduler,
            GrpcClientConfig config,
            CallMetrics metrics) {
        this.channel = channel;
        this.scheduler = scheduler;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.slots = new Semaphore(config.maxInFlight(), true);
        this.metrics = metrics;
    }

    /** Whether a status is worth another attempt: the server was unreachable or overloaded. */
    public static boolean retryable(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED;
    }

    /**
     * Starts a call once a slot is free; blocks the caller until then.
     *
     * @param what names the call in error messages, e.g. {@code "ModelInfer lras_kl_probe"}
     * @throws InferenceException with CANCELLED when interrupted while waiting for a slot
     */
    public <Q, R> CompletableFuture<R> call(MethodDescriptor<Q, R> method, Q request, String what) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(
                    what + ": interrupted while waiting for a free call slot",
                    Status.Code.CANCELLED,
                    e);
        }
        long start = metrics.started();
        CompletableFuture<R> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> slots.release());
        new Attempts<>(method, request, what, start, result).run(1);
        return result;
    }

    /**
     * Fails every call waiting to retry, for a client that is closing: its scheduler is shut down
     * first, so no retry starts after this.
     */
    public void failWaitingCalls() {
        for (Attempts<?, ?> call : backingOff) {
            if (backingOff.remove(call)) {
                Status closed = Status.CANCELLED.withDescription("client closed during backoff");
                call.finish(closed, call.attempts, null);
            }
        }
    }

    /** One call's attempts; completes {@code result} once. */
    private final class Attempts<Q, R> {
        private final MethodDescriptor<Q, R> method;
        private final Q request;
        private final String what;
        private final long start;
        private final CompletableFuture<R> result;
        private volatile int attempts;

        Attempts(
                MethodDescriptor<Q, R> method,
                Q request,
                String what,
                long start,
                CompletableFuture<R> result) {
            this.method = method;
            this.request = request;
            this.what = what;
            this.start = start;
            this.result = result;
        }

        void run(int attempt) {
            attempts = attempt;
            CallOptions options =
                    CallOptions.DEFAULT.withDeadlineAfter(
                            config.deadline().toNanos(), TimeUnit.NANOSECONDS);
            try {
                ClientCalls.asyncUnaryCall(
                        channel.newCall(method, options), request, new Observer(attempt));
            } catch (RuntimeException e) {
                failed(attempt, e);
            }
        }

        void failed(int attempt, Throwable t) {
            Status status = Status.fromThrowable(t);
            if (retryable(status.getCode()) && attempt < config.maxAttempts()) {
                metrics.retried();
                backingOff.add(this);
                try {
                    scheduler.schedule(
                            () -> {
                                if (backingOff.remove(this)) {
                                    run(attempt + 1);
                                }
                            },
                            backoff.delayNanos(attempt),
                            TimeUnit.NANOSECONDS);
                    return;
                } catch (RejectedExecutionException closed) {
                    if (!backingOff.remove(this)) {
                        return; // failWaitingCalls() already finished this call
                    }
                    status = Status.CANCELLED.withDescription("client closed during backoff");
                }
            }
            finish(status, attempt, t);
        }

        void finish(Status status, int attempt, Throwable cause) {
            metrics.failed(status.getCode());
            result.completeExceptionally(CallFailures.of(what, config, status, attempt, cause));
        }

        private final class Observer implements StreamObserver<R> {
            private final int attempt;
            private R value;

            Observer(int attempt) {
                this.attempt = attempt;
            }

            @Override
            public void onNext(R v) {
                value = v;
            }

            @Override
            public void onError(Throwable t) {
                failed(attempt, t);
            }

            @Override
            public void onCompleted() {
                metrics.succeeded(start);
                result.complete(value);
            }
        }
    }
}
