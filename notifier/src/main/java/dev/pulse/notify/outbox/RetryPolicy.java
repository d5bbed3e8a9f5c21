package dev.pulse.notify.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th failure waits {@code initial · 2^(n-1)}, capped at
 * {@code max}, spread by ±{@code jitter} so many entries failing together do not retry in step.
 * Retries never stop: a channel that comes back gets everything that waited for it.
 */
public record RetryPolicy(Duration initial, Duration max, double jitter) {
    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "retry needs 0 < initial (" + initial + ") <= max (" + max + ")");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
        }
    }

    /** The wait after {@code failures} failed attempts (at least 1). */
    public Duration delayAfter(int failures, DoubleSupplier random) {
        int exponent = Math.min(Math.max(failures, 1) - 1, 30);
        double base = Math.min(initial.toMillis() * Math.pow(2, exponent), max.toMillis());
        double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
    }
}
