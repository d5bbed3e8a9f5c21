package dev.pulse.notify;

import dev.pulse.notify.model.NotificationReason;
import java.time.Duration;
import java.util.Map;

/** What the notifier reports for metrics; every method defaults to nothing. */
public interface NotifierListener {
    NotifierListener NONE = new NotifierListener() {};

    /** A notification was addressed to a person. */
    default void onNotificationRouted(NotificationReason reason) {}

    /** An alert change that should have told someone told nobody (reason: no-owner, ...). */
    default void onUnrouted(String reason) {}

    /** A channel accepted a delivery; {@code latency} from the alert change, null for digests. */
    default void onDelivered(String channel, int notifications, Duration latency) {}

    /** An attempt failed; retried unless {@code permanent}. */
    default void onDeliveryFailed(String channel, boolean permanent) {}

    /** An entry was dropped because its channel is not configured on this instance. */
    default void onChannelUnavailable(String channel) {}

    /** A notification id seen before was suppressed. */
    default void onDuplicateSuppressed() {}

    /** A reminder was not sent (acknowledged, snoozed). */
    default void onReminderSuppressed(String reason) {}

    /** After each outbox scan of one task: entries waiting, by channel. */
    default void onOutboxDepth(String taskId, Map<String, Integer> waitingByChannel) {}
}
