package dev.pulse.notify.channel;

import java.time.Duration;
import java.util.Optional;

/** A delivery failed: retried with backoff unless permanent; the receiver may say when to retry. */
public final class DeliveryException extends Exception {
    private final boolean permanent;
    private final Duration retryAfter;

    private DeliveryException(
            String message, Throwable cause, boolean permanent, Duration retryAfter) {
        super(message, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** Worth retrying: the server is down, timed out, or refused for now. */
    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, cause, false, null);
    }

    /** The receiver asked to wait (HTTP 429 Retry-After, SMTP 4xx with a hint). */
    public static DeliveryException retryAfter(String message, Duration wait) {
        return new DeliveryException(message, null, false, wait);
    }

    /**
     * Retrying cannot help (no such mailbox, channel removed); the entry is dropped and counted.
     */
    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, cause, true, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
