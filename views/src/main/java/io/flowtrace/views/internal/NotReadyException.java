package io.flowtrace.views.internal;

/** The service cannot answer yet: it is starting, rebalancing or restoring its state. */
public final class NotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
