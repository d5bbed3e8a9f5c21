package dev.pulse.streams.read;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.time.Instant;

/**
 * One change of one alert, as the alert history keeps it: the alert as the change left it, dated to
 * the event time the change describes (for a change decided on a closed day while Pulse replayed
 * history, that day's end; not when Pulse got round to it).
 *
 * @param id {@code tenant/rule}
 * @param at the event time of the change
 * @param replayed whether the change was decided while Pulse replayed history (nobody was told)
 */
public record AlertTransition(
        String id,
        String ruleId,
        AlertKind kind,
        Severity severity,
        AlertState state,
        Instant at,
        Instant firstSeenAt,
        Instant firedAt,
        Instant resolvedAt,
        String explanation,
        String ruleVersion,
        Instant acknowledgedAt,
        Instant snoozedUntil,
        String actedBy,
        boolean replayed) {

    public static AlertTransition of(Instant at, Alert alert) {
        return new AlertTransition(
                alert.id(),
                alert.ruleId(),
                alert.kind(),
                alert.severity(),
                alert.state(),
                at,
                alert.firstSeenAt(),
                alert.firedAt(),
                alert.resolvedAt(),
                alert.explanation(),
                alert.ruleVersion(),
                alert.acknowledgedAt(),
                alert.snoozedUntil(),
                alert.actedBy(),
                alert.isReplayed());
    }
}
