package io.flowtrace.inference.grpc.internal;

import io.flowtrace.inference.grpc.GrpcClientConfig;
import io.flowtrace.inference.grpc.InferenceException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failed calls into {@link InferenceException}s that say what failed where and why. */
public final class CallFailures {

    private CallFailures() {}

    /** The exception for a call that failed with {@code status} after {@code attempts}. */
    public static InferenceException of(
            String what, GrpcClientConfig config, Status status, int attempts, Throwable cause) {
        StringBuilder m = new StringBuilder(what).append(" at ").append(config.target());
        m.append(" failed with ").append(status.getCode());
        if (status.getDescription() != null) {
            m.append(": ").append(status.getDescription());
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            m.append(" (deadline ").append(config.deadline().toMillis()).append(" ms per attempt)");
        }
        m.append(", after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        return new InferenceException(m.toString(), status.getCode(), cause);
    }

    /**
     * The exception behind a failed future, as thrown to a blocking caller: an {@link
     * InferenceException} or runtime exception as is, anything else wrapped.
     */
    public static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new InferenceException(
                String.valueOf(cause.getMessage()), Status.Code.UNKNOWN, cause);
    }
}
