package dev.pulse.notify.route;

import dev.pulse.topologies.alert.Alert;
import java.time.Instant;

/**
 * What the notifier last knew of one alert and last told about it.
 *
 * @param lastToldAt when people were last told (or a reminder was last due); null if never
 * @param told how many notifications this alert has produced, which keeps their ids distinct
 * @param toldFiredAt the {@code firedAt} of the firing episode people were last told about; null if
 *     never (states written before this field existed fall back to the alert's own)
 */
public record NotifyState(Alert alert, Instant lastToldAt, int told, Instant toldFiredAt) {
    NotifyState(Alert alert, Instant lastToldAt, int told) {
        this(alert, lastToldAt, told, null);
    }

    NotifyState seen(Alert newer) {
        return new NotifyState(newer, lastToldAt, told, toldFiredAt);
    }

    NotifyState told(Alert newer, Instant at) {
        return new NotifyState(newer, at, told + 1, newer.firedAt());
    }

    NotifyState reminderDue(Instant at) {
        return new NotifyState(alert, at, told, toldFiredAt);
    }

    /** The firing episode people were last told about, if any. */
    Instant toldEpisode() {
        if (toldFiredAt != null || lastToldAt == null) {
            return toldFiredAt;
        }
        return alert == null ? null : alert.firedAt();
    }
}
