package dev.pulse.notify.outbox;

import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.QuietHours;
import java.time.Instant;
import java.time.ZonedDateTime;

/** When a push notification may go out, by the recipient's digest time and quiet hours. */
final class DeliverySchedule {
    private DeliverySchedule() {}

    static Instant notBefore(NotificationPreferences preferences, Instant now) {
        ZonedDateTime at = now.atZone(preferences.zone());
        if (preferences.digest()) {
            ZonedDateTime today = at.with(preferences.digestAt());
            at = today.isAfter(at) ? today : today.plusDays(1);
        }
        QuietHours quiet = preferences.quietHours();
        if (quiet != null && quiet.contains(at.toLocalTime())) {
            ZonedDateTime end = at.with(quiet.end());
            at = end.isAfter(at) ? end : end.plusDays(1);
        }
        return at.toInstant();
    }
}
