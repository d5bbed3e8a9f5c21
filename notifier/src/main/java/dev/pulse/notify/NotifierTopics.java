package dev.pulse.notify;

import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.topic.Topic;
import org.apache.kafka.common.serialization.Serdes;

/** The notifier's topics. Unlike the pipeline's, these are keyed by a person's e-mail. */
public final class NotifierTopics {
    /**
     * Every notification addressed to a person, and the same notification again when they mark it
     * read; the in-app feed is a global store over it. Time-retained, not compacted.
     */
    public static final Topic<String, Notification> NOTIFICATIONS =
            new Topic<>(
                    "pulse.notifications.v1", Serdes.String(), JsonSerde.of(Notification.class));

    /** People's notification preferences (compacted, keyed by e-mail). */
    public static final Topic<String, NotificationPreferences> PREFERENCES =
            new Topic<>(
                    "pulse.notification-preferences.v1",
                    Serdes.String(),
                    JsonSerde.of(NotificationPreferences.class));

    /**
     * Runs of report schedules for the outbox, keyed by the recipient's e-mail like the
     * notifications, so both meet in the same outbox task.
     */
    public static final Topic<String, Notification> REPORT_RUNS =
            new Topic<>("pulse.report-runs.v1", Serdes.String(), JsonSerde.of(Notification.class));

    private NotifierTopics() {}
}
