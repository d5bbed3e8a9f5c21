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
 * @param acknowledgedAt when a person acknowledged the firing alert; null until then
 * @param snoozedUntil until when a person snoozed the firing alert; null unless snoozed (cleared,
 *     and the alert published again, when the snooze ends while it still fires)
 * @param actedBy who last acknowledged, snoozed or resolved it (as the command names them, an
 *     e-mail); null while nobody has, and for alerts stored before this field existed
 * @param replayed true when this state was decided on a closed day while Pulse replayed history or
 *     caught up on a backlog: it is history, and nobody is told; null or false otherwise
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
        Instant snoozedUntil,
        String actedBy,
        Boolean replayed) {

    /** An alert decided live. */
    public Alert(
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
            String actedBy) {
        this(
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
                lastEvaluatedAt,
                ruleVersion,
                acknowledgedAt,
                snoozedUntil,
                actedBy,
                null);
    }

    /** Whether this state was decided while replaying (see {@code replayed}). */
    public boolean isReplayed() {
        return Boolean.TRUE.equals(replayed);
    }

    /** The same alert, marked as decided while replaying or live. */
    public Alert replayed(boolean value) {
        if (value == isReplayed()) {
            return this;
        }
        return with(explanation, value ? Boolean.TRUE : null);
    }

    public static String id(String tenantId, String ruleId) {
        return tenantId + "/" + ruleId;
    }

    public static String link(String tenantId) {
        return "/v1/accounts/" + tenantId;
    }

    /** The same alert with a fresh sentence (announcing it again after a replay). */
    public Alert explained(String newExplanation) {
        return with(newExplanation, replayed);
    }

    Alert evaluatedAt(Instant at) {
        return with(state, resolvedAt, at, acknowledgedAt, snoozedUntil, actedBy);
    }

    Alert acknowledged(Instant at, String by) {
        return with(state, resolvedAt, lastEvaluatedAt, at, snoozedUntil, by);
    }

    Alert snoozed(Instant until, String by) {
        return with(state, resolvedAt, lastEvaluatedAt, acknowledgedAt, until, by);
    }

    Alert snoozeEnded() {
        return with(state, resolvedAt, lastEvaluatedAt, acknowledgedAt, null, actedBy);
    }

    Alert resolvedByHand(Instant at, String by) {
        return with(AlertState.RESOLVED, at, lastEvaluatedAt, acknowledgedAt, snoozedUntil, by);
    }

    private Alert with(String newExplanation, Boolean newReplayed) {
        return with(
                state,
                resolvedAt,
                lastEvaluatedAt,
                acknowledgedAt,
                snoozedUntil,
                actedBy,
                newExplanation,
                newReplayed);
    }

    private Alert with(
            AlertState newState,
            Instant newResolvedAt,
            Instant newEvaluatedAt,
            Instant newAcknowledgedAt,
            Instant newSnoozedUntil,
            String newActedBy) {
        return with(
                newState,
                newResolvedAt,
                newEvaluatedAt,
                newAcknowledgedAt,
                newSnoozedUntil,
                newActedBy,
                explanation,
                replayed);
    }

    private Alert with(
            AlertState newState,
            Instant newResolvedAt,
            Instant newEvaluatedAt,
            Instant newAcknowledgedAt,
            Instant newSnoozedUntil,
            String newActedBy,
            String newExplanation,
            Boolean newReplayed) {
        return new Alert(
                id,
                tenantId,
                ruleId,
                kind,
                severity,
                newState,
                firstSeenAt,
                firedAt,
                newResolvedAt,
                newExplanation,
                owner,
                link,
                scoreAtFire,
                newEvaluatedAt,
                ruleVersion,
                newAcknowledgedAt,
                newSnoozedUntil,
                newActedBy,
                newReplayed);
    }
}
