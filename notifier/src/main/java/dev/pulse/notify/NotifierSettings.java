package dev.pulse.notify;

import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.outbox.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the notifier behaves.
 *
 * @param defaults preferences of people who saved none (its {@code user} is ignored)
 * @param remindEvery an unacknowledged firing alert is told again this often; zero for never
 * @param reminderCheck how often due reminders are looked for
 * @param dispatchInterval how often the outbox hands due entries to the channels
 * @param retry backoff of failed deliveries
 * @param channelQueue deliveries a channel may have queued before the outbox holds back
 */
public record NotifierSettings(
        NotificationPreferences defaults,
        Duration remindEvery,
        Duration reminderCheck,
        Duration dispatchInterval,
        RetryPolicy retry,
        int channelQueue) {
    public NotifierSettings {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(retry, "retry");
        requirePositive(reminderCheck, "reminderCheck");
        requirePositive(dispatchInterval, "dispatchInterval");
        if (remindEvery == null || remindEvery.isNegative()) {
            throw new IllegalArgumentException("remindEvery must be zero (never) or positive");
        }
        if (channelQueue < 1) {
            throw new IllegalArgumentException("channelQueue must be at least 1");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** These settings with other defaults. */
    public NotifierSettings withDefaults(NotificationPreferences defaults) {
        return new NotifierSettings(
                defaults, remindEvery, reminderCheck, dispatchInterval, retry, channelQueue);
    }

    /** The defaults, addressed to {@code user}. */
    public NotificationPreferences defaultsFor(String user) {
        return defaults.forUser(user, null);
    }
}
