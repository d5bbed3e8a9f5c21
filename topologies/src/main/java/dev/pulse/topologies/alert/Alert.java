package dev.pulse.topologies.alert;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * One alert: a rule's condition on one tenant, from first sight to resolution. Keyed by {@code
 * tenant/rule}, so a condition that persists is one alert whose state changes, not a stream of
 * duplicates.
 *
 * @param id {@code tenantId + "/" + ruleId}
 * @param firstSeenAt when the condition was first seen in this episode
 * @param firedAt when the alert fired; null while pending, or when it cleared before firing
 * @param resolvedAt when it resolved; null unless resolved
 * @param explanation one sentence a person can act on, as of the last state change
 * @param owner e-mail of the account's owner to route to; null when the account is unknown
 * @param link the account in the API
 * @param scoreAtFire the health score when the alert fired
 * @param lastEvaluatedAt when the rule was last evaluated for this alert
 * @param ruleVersion version of the rules that produced this state
 * @param acknowledgedAt when a person acknowledged the firing alert; null until then
 * @param snoozedUntil until when a person snoozed the firing alert; null unless snoozed (cleared,
 *     and the alert published again, when the snooze ends while it still fires)
 * @param actedBy who last acknowledged, snoozed or resolved it (as the command names them, an
 *     e-mail); null while nobody has, and for alerts stored before this field existed
 * @param replayed true when this state was decided on a closed day while Pulse replayed history or
 *     caught up on a backlog: it is history, and nobody is told; null or false otherwise
 */
@RecordBuilder
public record Alert(
        String id,
        String tenantId,
        String ruleId,
        AlertKind kind,
        Severity severity,
        AlertState state,
        Instant firstSeenAt,
        Instant firedAt,
        Instant resolvedAt,
        String explanation,
        String owner,
        String link,
        Double scoreAtFire,
        Instant lastEvaluatedAt,
        String ruleVersion,
        Instant acknowledgedAt,
        Instant snoozedUntil,
        String actedBy,
        Boolean replayed) {

    /** Whether this state was decided while replaying (see {@code replayed}). */
    public boolean isReplayed() {
        return Boolean.TRUE.equals(replayed);
    }

    /** The same alert, marked as decided while replaying or live. */
    public Alert replayed(boolean value) {
        if (value == isReplayed()) {
            return this;
        }
        return AlertBuilder.builder(this).replayed(value ? Boolean.TRUE : null).build();
    }

    public static String id(String tenantId, String ruleId) {
        return tenantId + "/" + ruleId;
    }

    public static String link(String tenantId) {
        return "/v1/accounts/" + tenantId;
    }

    /** The same alert with a fresh sentence (announcing it again after a replay). */
    public Alert explained(String newExplanation) {
        return AlertBuilder.builder(this).explanation(newExplanation).build();
    }

    Alert evaluatedAt(Instant at) {
        return AlertBuilder.builder(this).lastEvaluatedAt(at).build();
    }

    Alert acknowledged(Instant at, String by) {
        return AlertBuilder.builder(this).acknowledgedAt(at).actedBy(by).build();
    }

    Alert snoozed(Instant until, String by) {
        return AlertBuilder.builder(this).snoozedUntil(until).actedBy(by).build();
    }

    Alert snoozeEnded() {
        return AlertBuilder.builder(this).snoozedUntil(null).build();
    }

    Alert resolvedByHand(Instant at, String by) {
        return AlertBuilder.builder(this)
                .state(AlertState.RESOLVED)
                .resolvedAt(at)
                .actedBy(by)
                .build();
    }
}
