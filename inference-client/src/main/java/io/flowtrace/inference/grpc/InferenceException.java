package io.flowtrace.inference.grpc;

import io.grpc.Status;
import java.util.Objects;

/**
 * A call to an inference server failed, or the server does not serve what flowtrace expects. The
 * message names the model, the call and the server; {@link #code()} is the gRPC status.
 */
public final class InferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;

    public InferenceException(String message, Status.Code code, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public InferenceException(String message, Status.Code code) {
        this(message, code, null);
    }

    /** The gRPC status of the failure ({@code FAILED_PRECONDITION} for contract mismatches). */
    public Status.Code code() {
        return code;
    }
}
