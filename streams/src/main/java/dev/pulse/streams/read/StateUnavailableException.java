package dev.pulse.streams.read;

import java.time.Duration;

/**
 * State cannot be read right now (rebalance, restore, owner unreachable). Retriable: the API
 * answers 503 with {@code Retry-After}.
 */
public final class StateUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public StateUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
