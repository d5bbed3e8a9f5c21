package dev.pulse.notify.route;

import dev.pulse.topologies.alert.Alert;
import java.time.Instant;

/**
 * What the notifier last knew of one alert and last told about it.
 *
 * @param lastToldAt when people were last told (or a reminder was last due); null if never
 * @param told how many notifications this alert has produced, which keeps their ids distinct
 */
public record NotifyState(Alert alert, Instant lastToldAt, int told) {
    NotifyState seen(Alert newer) {
        return new NotifyState(newer, lastToldAt, told);
    }

    NotifyState told(Alert newer, Instant at) {
        return new NotifyState(newer, at, told + 1);
    }

    NotifyState reminderDue(Instant at) {
        return new NotifyState(alert, at, told);
    }
}
