package io.flowtrace.frames;

import io.flowtrace.schema.DeadLetterReason;

/** A frame whose bytes do not make the image it claims to be, with the dead-letter reason. */
public final class FrameDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DeadLetterReason reason;

    public FrameDecodingException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
