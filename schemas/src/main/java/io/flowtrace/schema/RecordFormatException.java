package io.flowtrace.schema;

/** A message that is not a readable flowtrace record; {@link #reason()} says which way. */
public final class RecordFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;

    RecordFormatException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** {@code UNDECODABLE} or {@code UNKNOWN_SCHEMA}: the dead-letter reason code to record. */
    public DeadLetterReason reason() {
        return reason;
    }
}
