package io.flowtrace.job;

import java.time.Duration;
import java.util.Objects;

/** Checks shared by the functions' config records. */
final class ConfigChecks {

    private ConfigChecks() {}

    /** Fails naming {@code name} unless {@code value} is a positive duration. */
    static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
