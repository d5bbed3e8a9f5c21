package dev.pulse.api.notifications;

import dev.pulse.access.live.LiveScores;
import dev.pulse.notify.PreferencesReader;
import dev.pulse.notify.feed.NotificationBus;
import dev.pulse.notify.feed.NotificationFeed;
import dev.pulse.notify.model.NotificationPreferences;
import java.util.Set;
import java.util.function.Function;

/**
 * What the notification routes need from the notifier; {@link #DISABLED} when this instance runs
 * none (the routes then answer 503 with a reason).
 *
 * @param channels every channel a person may choose here (in-app and configured push channels)
 * @param defaults preferences of a person who saved none
 * @param scores new scores for the stream's {@code score} events; null when this instance follows
 *     none
 */
public record NotificationAccess(
        NotificationFeed feed,
        NotificationBus bus,
        PreferencesReader preferences,
        Set<String> channels,
        Function<String, NotificationPreferences> defaults,
        LiveScores scores) {
    public static final NotificationAccess DISABLED =
            new NotificationAccess(null, null, null, Set.of(), user -> null, null);

    /** Without live scores: the stream carries notifications only. */
    public NotificationAccess(
            NotificationFeed feed,
            NotificationBus bus,
            PreferencesReader preferences,
            Set<String> channels,
            Function<String, NotificationPreferences> defaults) {
        this(feed, bus, preferences, channels, defaults, null);
    }

    public boolean enabled() {
        return feed != null;
    }

    /** Saved preferences, or the defaults. */
    public NotificationPreferences preferencesOf(String user) {
        return preferences.saved(user).orElseGet(() -> defaults.apply(user));
    }
}
