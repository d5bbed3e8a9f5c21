package dev.pulse.notify.model;

import java.time.Instant;

/**
 * One notification waiting for one push channel, in the {@code notification-outbox} store until the
 * channel confirms delivery. Changelogged, so a restart or a move to another instance resumes where
 * delivery stood.
 *
 * @param notBefore quiet hours or the digest time hold it until then
 * @param digest sent as part of the recipient's daily digest rather than on its own
 * @param attempts failed attempts so far
 * @param nextAttemptAt when the next attempt may start (backoff after a failure)
 * @param lastError the last failure, for operators; null before the first
 */
public record OutboxEntry(
        String key,
        String channel,
        Notification notification,
        Instant notBefore,
        boolean digest,
        int attempts,
        Instant nextAttemptAt,
        String lastError) {

    public static String key(Notification notification, String channel) {
        return notification.id() + ":" + channel;
    }

    public boolean dueAt(Instant now) {
        return !now.isBefore(notBefore) && !now.isBefore(nextAttemptAt);
    }

    public OutboxEntry failed(Instant retryAt, String error) {
        return new OutboxEntry(
                key, channel, notification, notBefore, digest, attempts + 1, retryAt, error);
    }
}
