package dev.pulse.notify;

import dev.pulse.notify.model.NotificationPreferences;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** Names of the notifier's state stores. */
public final class NotifierStores {
    /** Per alert: what was last told about it and when (reminders, snooze ends). */
    public static final String NOTIFY_STATE = "alert-notify-state";

    /** Push deliveries waiting for their channel: notification id + channel → entry. */
    public static final String OUTBOX = "notification-outbox";

    /** Notification ids seen in the last 30 days: duplicates are dropped. */
    public static final String NOTIFICATION_IDS = "notification-ids";

    /** Global: people's saved preferences by e-mail. */
    public static final String PREFERENCES = "notification-preferences";

    /** Global: every person's in-app feed, {@code email/notification-id} → notification. */
    public static final String FEED = "notification-feed";

    private NotifierStores() {}

    /** A person's saved preferences from the global preferences store, as a processor sees it. */
    public static Optional<NotificationPreferences> preferences(
            KeyValueStore<String, ?> store, String user) {
        Object value = store.get(user);
        if (value instanceof ValueAndTimestamp<?> stamped) {
            value = stamped.value();
        }
        return value instanceof NotificationPreferences p ? Optional.of(p) : Optional.empty();
    }

    /** The first key after every feed key of {@code user}: feed keys are {@code user/id}. */
    public static String feedKeyPrefix(String user) {
        return user + "/";
    }

    public static String feedKey(String user, String notificationId) {
        return feedKeyPrefix(user) + notificationId;
    }
}
