package dev.pulse.notify.route;

import dev.pulse.notify.model.NotificationReason;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import java.time.Instant;
import java.util.Optional;

/**
 * Which alert changes tell people anything: a firing episode nobody was told about yet, a snooze
 * that ended while the alert still fires, and the resolution of an alert people were told fired.
 * Acknowledgements, snoozes starting and pending conditions tell nobody.
 */
final class RoutingDecision {
    private RoutingDecision() {}

    static Optional<NotificationReason> reason(NotifyState before, Alert after) {
        Alert previous = before == null ? null : before.alert();
        Instant toldEpisode = before == null ? null : before.toldEpisode();
        if (after.state() == AlertState.FIRING) {
            if (after.firedAt() != null && !after.firedAt().equals(toldEpisode)) {
                return Optional.of(NotificationReason.FIRED);
            }
            if (previous != null
                    && previous.snoozedUntil() != null
                    && after.snoozedUntil() == null) {
                return Optional.of(NotificationReason.SNOOZE_ENDED);
            }
            return Optional.empty();
        }
        if (after.state() == AlertState.RESOLVED
                && previous != null
                && previous.state() == AlertState.FIRING
                && toldEpisode != null
                && toldEpisode.equals(previous.firedAt())) {
            return Optional.of(NotificationReason.RESOLVED);
        }
        return Optional.empty();
    }
}
