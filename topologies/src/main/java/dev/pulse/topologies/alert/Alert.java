package dev.pulse.topologies.alert;

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
 * @param acknowledgedAt reserved for acknowledgement by a person; null until then
 * @param snoozedUntil reserved for snoozing; null unless snoozed
 */
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
        Instant snoozedUntil) {

    public static String id(String tenantId, String ruleId) {
        return tenantId + "/" + ruleId;
    }

    public static String link(String tenantId) {
        return "/v1/accounts/" + tenantId;
    }

    Alert evaluatedAt(Instant at) {
        return new Alert(
                id,
                tenantId,
                ruleId,
                kind,
                severity,
                state,
                firstSeenAt,
                firedAt,
                resolvedAt,
                explanation,
                owner,
                link,
                scoreAtFire,
                at,
                ruleVersion,
                acknowledgedAt,
                snoozedUntil);
    }
}
