package dev.pulse.notify.route;

import dev.pulse.notify.model.NotificationReason;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import java.util.Objects;
import java.util.Optional;

/**
 * Which alert changes tell people anything: a new firing episode, a snooze that ended while the
 * alert still fires, and the resolution of an alert that fired. Acknowledgements, snoozes starting
 * and pending conditions tell nobody.
 */
final class RoutingDecision {
    private RoutingDecision() {}

    static Optional<NotificationReason> reason(Alert before, Alert after) {
        if (after.state() == AlertState.FIRING) {
            boolean newEpisode =
                    before == null
                            || before.state() != AlertState.FIRING
                            || !Objects.equals(before.firedAt(), after.firedAt());
            if (newEpisode) {
                return Optional.of(NotificationReason.FIRED);
            }
            if (before.snoozedUntil() != null && after.snoozedUntil() == null) {
                return Optional.of(NotificationReason.SNOOZE_ENDED);
            }
            return Optional.empty();
        }
        if (after.state() == AlertState.RESOLVED
                && before != null
                && before.state() == AlertState.FIRING) {
            return Optional.of(NotificationReason.RESOLVED);
        }
        return Optional.empty();
    }
}
