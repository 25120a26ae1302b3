package io.flowtrace.views.internal;

import io.flowtrace.schema.DeadLetter;

/** An input record after decoding: the record, or the dead letter that takes its place. */
record Decoded<T>(T record, DeadLetter deadLetter) {

    static <T> Decoded<T> ok(T record) {
        return new Decoded<>(record, null);
    }

    static <T> Decoded<T> bad(DeadLetter deadLetter) {
        return new Decoded<>(null, deadLetter);
    }

    boolean isOk() {
        return record != null;
    }
}
