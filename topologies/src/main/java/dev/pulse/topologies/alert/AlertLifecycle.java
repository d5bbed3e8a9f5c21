package dev.pulse.topologies.alert;

import dev.pulse.topologies.account.Account;
import java.time.Instant;

/**
 * The state machine of one (tenant, rule) alert, as a pure function of the previous alert and a
 * fresh evaluation.
 *
 * <pre>
 *   (none | RESOLVED) --holds since 'for'-----> FIRING
 *   (none | RESOLVED) --holds, not yet 'for'--> PENDING
 *   PENDING ----------holds since 'for'-------> FIRING
 *   PENDING ----------clears------------------> RESOLVED (never fired: firedAt stays null)
 *   FIRING -----------clears, autoResolve-----> RESOLVED
 *   FIRING -----------snoozedUntil passed-----> FIRING (snooze cleared, published again)
 * </pre>
 *
 * A condition that holds again within the cooldown after an alert that fired has resolved is
 * ignored; a firing alert whose condition persists does not change. Only state changes are
 * published.
 *
 * <p>"Holds since 'for'" means {@code now - onset >= for}. The onset is when the condition began
 * according to the data ({@link Evaluation#onset()}), trusted only when
 *
 * <ul>
 *   <li>the evaluator can tell it (silence, usage drop, support spike; not score drop, renewal
 *       risk, expansion),
 *   <li>the tenant's data is caught up ({@link AlertInput#dataCaughtUp()}): while Pulse replays
 *       history or works through a backlog, a tenant that is in fact active looks silent, its usage
 *       looks collapsed, only because its recent events are still queued, and the onset the data
 *       then reports (last event + N days, long ago) would fire it at once. Caught up, the absence
 *       of events is real,
 * </ul>
 *
 * and it is never taken later than now, nor earlier than the tenant's first event. Otherwise the
 * onset is {@code firstSeenAt}, the processing time Pulse first saw the condition in this episode,
 * as it always was: {@code for} then also rides out conditions that flicker while scores are
 * computed on part of the data. A condition the data dates far back therefore fires as soon as the
 * data is caught up, without waiting {@code for} again.
 */
public final class AlertLifecycle {
    private AlertLifecycle() {}

    /**
     * The outcome of one evaluation.
     *
     * @param alert the alert to keep; null when there is nothing to keep
     * @param changed whether its state changed, so it must be published
     */
    public record Step(Alert alert, boolean changed) {
        public static final Step NOTHING = new Step(null, false);
    }

    public static Step next(
            Alert current,
            AlertRule rule,
            String ruleVersion,
            AlertInput in,
            Evaluation evaluation) {
        Instant now = in.now();
        Double score = in.score().score();
        Episode episode = new Episode(rule, ruleVersion, in, evaluation);
        AlertState state = current == null ? null : current.state();
        if (state == null || state == AlertState.RESOLVED) {
            if (!evaluation.holds() || coolingDown(current, rule, now)) {
                return Step.NOTHING;
            }
            Instant sight = in.firstSight();
            return heldLongEnough(onset(sight, in, evaluation), rule, in)
                    ? changed(episode.alert(AlertState.FIRING, sight, now, null, score))
                    : changed(episode.alert(AlertState.PENDING, sight, null, null, null));
        }
        Instant firstSeen = current.firstSeenAt();
        if (state == AlertState.PENDING) {
            if (!evaluation.holds()) {
                return changed(episode.alert(AlertState.RESOLVED, firstSeen, null, now, null));
            }
            if (heldLongEnough(onset(firstSeen, in, evaluation), rule, in)) {
                return changed(episode.alert(AlertState.FIRING, firstSeen, now, null, score));
            }
            return new Step(current.evaluatedAt(now), false);
        }
        if (!evaluation.holds() && rule.autoResolve()) {
            return changed(
                    episode.alert(
                            AlertState.RESOLVED,
                            firstSeen,
                            current.firedAt(),
                            now,
                            current.scoreAtFire()));
        }
        if (current.snoozedUntil() != null && !now.isBefore(current.snoozedUntil())) {
            return changed(current.snoozeEnded().evaluatedAt(now));
        }
        return new Step(current.evaluatedAt(now), false);
    }

    /**
     * Applies a person's command to the current alert. Commands on unknown alerts, or that do not
     * fit its state, change nothing and return a step without an alert.
     *
     * <pre>
     *   FIRING, not acknowledged ---ACK------------------> FIRING, acknowledgedAt = at
     *   FIRING ---------------------SNOOZE until > at----> FIRING, snoozedUntil = until
     *   PENDING | FIRING -----------RESOLVE--------------> RESOLVED, resolvedAt = at
     * </pre>
     *
     * Each of them sets {@code actedBy} to the command's {@code by}.
     *
     * <p>{@code at} is the command's time, or {@code now} when it has none.
     */
    public static Step apply(Alert current, AlertCommand command, Instant now) {
        if (current == null || command == null || command.action() == null) {
            return Step.NOTHING;
        }
        Instant at = command.at() == null ? now : command.at();
        AlertState state = current.state();
        return switch (command.action()) {
            case ACK ->
                    state == AlertState.FIRING && current.acknowledgedAt() == null
                            ? changed(current.acknowledged(at, command.by()))
                            : Step.NOTHING;
            case SNOOZE ->
                    state == AlertState.FIRING
                                    && command.until() != null
                                    && command.until().isAfter(at)
                            ? changed(current.snoozed(command.until(), command.by()))
                            : Step.NOTHING;
            case RESOLVE ->
                    state == AlertState.FIRING || state == AlertState.PENDING
                            ? changed(current.resolvedByHand(at, command.by()))
                            : Step.NOTHING;
        };
    }

    /**
     * When the condition began: the data's onset where it can be trusted (see the class comment),
     * otherwise when Pulse first saw it.
     */
    static Instant onset(Instant firstSeen, AlertInput in, Evaluation evaluation) {
        Instant data = evaluation.onset();
        if (data == null || !in.dataCaughtUp()) {
            return firstSeen;
        }
        Instant firstEvent = in.score().firstEventAt();
        if (firstEvent != null && data.isBefore(firstEvent)) {
            data = firstEvent;
        }
        return data.isAfter(in.now()) ? in.now() : data;
    }

    private static boolean heldLongEnough(Instant onset, AlertRule rule, AlertInput in) {
        java.time.Duration wait = rule.forDuration();
        if (in.closedDay()) {
            wait = java.time.Duration.ofDays(wait.toDays()); // whole days: the record's resolution
        }
        return !in.now().isBefore(onset.plus(wait));
    }

    /** An alert that fired and resolved less than the cooldown ago. */
    private static boolean coolingDown(Alert current, AlertRule rule, Instant now) {
        return current != null
                && current.firedAt() != null
                && current.resolvedAt() != null
                && now.isBefore(current.resolvedAt().plus(rule.cooldown()));
    }

    private static Step changed(Alert alert) {
        return new Step(alert, true);
    }

    private record Episode(
            AlertRule rule, String ruleVersion, AlertInput in, Evaluation evaluation) {
        Alert alert(
                AlertState state,
                Instant firstSeenAt,
                Instant firedAt,
                Instant resolvedAt,
                Double scoreAtFire) {
            Account account = in.account();
            return new Alert(
                    Alert.id(in.tenantId(), rule.id()),
                    in.tenantId(),
                    rule.id(),
                    rule.kind(),
                    rule.severity(),
                    state,
                    firstSeenAt,
                    firedAt,
                    resolvedAt,
                    evaluation.explanation(),
                    account == null ? null : account.owner(),
                    Alert.link(in.tenantId()),
                    scoreAtFire,
                    in.now(),
                    ruleVersion,
                    null,
                    null,
                    null,
                    null);
        }
    }
}
