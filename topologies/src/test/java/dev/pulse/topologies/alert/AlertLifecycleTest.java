package dev.pulse.topologies.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");
    private static final Account ACME =
            new Account(
                    "acme",
                    "Acme",
                    "sarah@example.com",
                    "east",
                    "growth",
                    10L,
                    1.0,
                    LocalDate.parse("2027-06-30"),
                    "smb");

    private final Evaluation holds = new Evaluation(true, "Acme: something is wrong");
    private final Evaluation clear = new Evaluation(false, "Acme: all good again");

    @Test
    void firesAtOnceWithoutAForDurationAndCarriesRoutingDetails() {
        AlertLifecycle.Step step = step(null, rule(Duration.ZERO, Duration.ZERO, true), T0, holds);

        assertThat(step.changed()).isTrue();
        Alert alert = step.alert();
        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        assertThat(alert.id()).isEqualTo("acme/r1");
        assertThat(alert.firstSeenAt()).isEqualTo(T0);
        assertThat(alert.firedAt()).isEqualTo(T0);
        assertThat(alert.owner()).isEqualTo("sarah@example.com");
        assertThat(alert.link()).isEqualTo("/v1/accounts/acme");
        assertThat(alert.scoreAtFire()).isEqualTo(55.0);
        assertThat(alert.ruleVersion()).isEqualTo("v1");
        assertThat(alert.explanation()).isEqualTo("Acme: something is wrong");
        assertThat(alert.acknowledgedAt()).isNull();
        assertThat(alert.snoozedUntil()).isNull();
    }

    @Test
    void waitsPendingForTheForDurationThenFires() {
        AlertRule rule = rule(Duration.ofHours(2), Duration.ZERO, true);

        Alert pending = step(null, rule, T0, holds).alert();
        AlertLifecycle.Step stillPending =
                step(pending, rule, T0.plus(Duration.ofMinutes(119)), holds);
        AlertLifecycle.Step fired =
                step(stillPending.alert(), rule, T0.plus(Duration.ofHours(2)), holds);

        assertThat(pending.state()).isEqualTo(AlertState.PENDING);
        assertThat(pending.firedAt()).isNull();
        assertThat(stillPending.changed()).isFalse();
        assertThat(stillPending.alert().state()).isEqualTo(AlertState.PENDING);
        assertThat(fired.changed()).isTrue();
        assertThat(fired.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(fired.alert().firstSeenAt()).isEqualTo(T0);
        assertThat(fired.alert().firedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void aConditionTheCaughtUpDataDatesBackFiresWithoutWaitingForAgain() {
        AlertRule rule = rule(Duration.ofHours(1), Duration.ZERO, true);
        Evaluation silentForDays = holdsSince(T0.minus(Duration.ofDays(3)));

        AlertLifecycle.Step step = step(null, rule, T0, silentForDays, true);

        assertThat(step.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(step.alert().firedAt()).isEqualTo(T0);
    }

    @Test
    void whileTheDataLagsBehindItsOnsetIsIgnoredAndForCountsFromFirstSight() {
        AlertRule rule = rule(Duration.ofHours(1), Duration.ZERO, true);
        Evaluation silentForDays = holdsSince(T0.minus(Duration.ofDays(3)));

        Alert pending = step(null, rule, T0, silentForDays, false).alert();
        AlertLifecycle.Step later =
                step(pending, rule, T0.plus(Duration.ofMinutes(30)), silentForDays, false);
        AlertLifecycle.Step caughtUp =
                step(later.alert(), rule, T0.plus(Duration.ofMinutes(31)), silentForDays, true);

        assertThat(pending.state()).isEqualTo(AlertState.PENDING);
        assertThat(later.changed()).isFalse();
        assertThat(caughtUp.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(caughtUp.alert().firstSeenAt()).isEqualTo(T0);
    }

    @Test
    void anOnsetInTheFutureCountsAsNowAndARecentOnsetStillWaits() {
        AlertRule rule = rule(Duration.ofMinutes(30), Duration.ZERO, true);

        Alert future = step(null, rule, T0, holdsSince(T0.plus(Duration.ofDays(1))), true).alert();
        Alert recent =
                step(null, rule, T0, holdsSince(T0.minus(Duration.ofMinutes(10))), true).alert();
        AlertLifecycle.Step due =
                step(
                        recent,
                        rule,
                        T0.plus(Duration.ofMinutes(20)),
                        holdsSince(T0.minus(Duration.ofMinutes(10))),
                        true);

        assertThat(future.state()).isEqualTo(AlertState.PENDING);
        assertThat(recent.state()).isEqualTo(AlertState.PENDING);
        assertThat(due.alert().state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void aPendingAlertThatClearsResolvesWithoutEverFiringAndHasNoCooldown() {
        AlertRule rule = rule(Duration.ofHours(2), Duration.ofDays(7), true);
        Alert pending = step(null, rule, T0, holds).alert();

        Alert withdrawn = step(pending, rule, T0.plusSeconds(60), clear).alert();
        AlertLifecycle.Step again = step(withdrawn, rule, T0.plusSeconds(120), holds);

        assertThat(withdrawn.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(withdrawn.firedAt()).isNull();
        assertThat(again.alert().state()).isEqualTo(AlertState.PENDING);
    }

    @Test
    void aPersistingConditionChangesNothing() {
        AlertRule rule = rule(Duration.ZERO, Duration.ZERO, true);
        Alert firing = step(null, rule, T0, holds).alert();

        AlertLifecycle.Step later = step(firing, rule, T0.plus(Duration.ofHours(5)), holds);

        assertThat(later.changed()).isFalse();
        assertThat(later.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(later.alert().firedAt()).isEqualTo(T0);
        assertThat(later.alert().lastEvaluatedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void autoResolvesWhenTheConditionClearsAndKeepsTheFiringDetails() {
        AlertRule rule = rule(Duration.ZERO, Duration.ZERO, true);
        Alert firing = step(null, rule, T0, holds).alert();

        AlertLifecycle.Step resolved = step(firing, rule, T0.plus(Duration.ofHours(1)), clear);

        assertThat(resolved.changed()).isTrue();
        assertThat(resolved.alert().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.alert().firedAt()).isEqualTo(T0);
        assertThat(resolved.alert().resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(resolved.alert().scoreAtFire()).isEqualTo(55.0);
        assertThat(resolved.alert().explanation()).isEqualTo("Acme: all good again");
    }

    @Test
    void withoutAutoResolveAFiringAlertStaysFiring() {
        AlertRule rule = rule(Duration.ZERO, Duration.ZERO, false);
        Alert firing = step(null, rule, T0, holds).alert();

        AlertLifecycle.Step cleared = step(firing, rule, T0.plus(Duration.ofHours(1)), clear);

        assertThat(cleared.changed()).isFalse();
        assertThat(cleared.alert().state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void doesNotFireAgainWithinTheCooldownAfterResolving() {
        AlertRule rule = rule(Duration.ZERO, Duration.ofDays(1), true);
        Alert firing = step(null, rule, T0, holds).alert();
        Alert resolved = step(firing, rule, T0.plus(Duration.ofHours(1)), clear).alert();

        AlertLifecycle.Step tooSoon = step(resolved, rule, T0.plus(Duration.ofHours(24)), holds);
        AlertLifecycle.Step after = step(resolved, rule, T0.plus(Duration.ofHours(25)), holds);

        assertThat(tooSoon.changed()).isFalse();
        assertThat(tooSoon.alert()).isNull();
        assertThat(after.changed()).isTrue();
        assertThat(after.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(after.alert().firstSeenAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
        assertThat(after.alert().resolvedAt()).isNull();
    }

    @Test
    void ackSetsAcknowledgedAtAndKeepsTheAlertFiring() {
        Alert firing = firing();

        AlertLifecycle.Step acked =
                AlertLifecycle.apply(firing, command(AlertAction.ACK, null), T1);
        AlertLifecycle.Step again =
                AlertLifecycle.apply(acked.alert(), command(AlertAction.ACK, null), T1);

        assertThat(acked.changed()).isTrue();
        assertThat(acked.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(acked.alert().acknowledgedAt()).isEqualTo(T1);
        assertThat(acked.alert().actedBy()).isEqualTo("sam@example.com");
        assertThat(firing.actedBy()).isNull();
        assertThat(acked.alert().firedAt()).isEqualTo(T0);
        assertThat(again.changed()).isFalse();
        assertThat(again.alert()).isNull();
    }

    @Test
    void snoozeSetsSnoozedUntilAndOnlyAFutureSnoozeIsAccepted() {
        Instant until = T1.plus(Duration.ofDays(1));

        AlertLifecycle.Step snoozed =
                AlertLifecycle.apply(firing(), command(AlertAction.SNOOZE, until), T1);
        AlertLifecycle.Step past =
                AlertLifecycle.apply(firing(), command(AlertAction.SNOOZE, T0), T1);
        AlertLifecycle.Step missing =
                AlertLifecycle.apply(firing(), command(AlertAction.SNOOZE, null), T1);

        assertThat(snoozed.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(snoozed.alert().snoozedUntil()).isEqualTo(until);
        assertThat(snoozed.alert().actedBy()).isEqualTo("sam@example.com");
        assertThat(past.changed()).isFalse();
        assertThat(missing.changed()).isFalse();
    }

    @Test
    void aSnoozeThatEndsWhileStillFiringIsClearedAndPublishedAgain() {
        AlertRule rule = rule(Duration.ZERO, Duration.ZERO, true);
        Instant until = T1.plus(Duration.ofHours(2));
        Alert snoozed =
                AlertLifecycle.apply(firing(), command(AlertAction.SNOOZE, until), T1).alert();

        AlertLifecycle.Step during = step(snoozed, rule, until.minusSeconds(1), holds);
        AlertLifecycle.Step after = step(during.alert(), rule, until, holds);

        assertThat(during.changed()).isFalse();
        assertThat(during.alert().snoozedUntil()).isEqualTo(until);
        assertThat(after.changed()).isTrue();
        assertThat(after.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(after.alert().snoozedUntil()).isNull();
        assertThat(after.alert().actedBy()).as("who snoozed it").isEqualTo("sam@example.com");
        assertThat(after.alert().firedAt()).isEqualTo(T0);
    }

    @Test
    void resolveByAPersonResolvesAndTheCooldownApplies() {
        AlertRule rule = rule(Duration.ZERO, Duration.ofDays(1), true);

        Alert resolved =
                AlertLifecycle.apply(firing(), command(AlertAction.RESOLVE, null), T1).alert();
        AlertLifecycle.Step tooSoon = step(resolved, rule, T1.plus(Duration.ofHours(23)), holds);
        AlertLifecycle.Step after = step(resolved, rule, T1.plus(Duration.ofHours(25)), holds);

        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(T1);
        assertThat(resolved.actedBy()).isEqualTo("sam@example.com");
        assertThat(resolved.firedAt()).isEqualTo(T0);
        assertThat(tooSoon.alert()).isNull();
        assertThat(after.alert().state()).isEqualTo(AlertState.FIRING);
        assertThat(after.alert().actedBy()).as("a new episode").isNull();
    }

    @Test
    void commandsOnUnknownOrResolvedAlertsChangeNothing() {
        Alert resolved =
                AlertLifecycle.apply(firing(), command(AlertAction.RESOLVE, null), T1).alert();

        for (AlertAction action : AlertAction.values()) {
            Instant until = T1.plus(Duration.ofDays(1));
            assertThat(AlertLifecycle.apply(null, command(action, until), T1).changed()).isFalse();
            assertThat(AlertLifecycle.apply(resolved, command(action, until), T1).changed())
                    .isFalse();
        }
    }

    @Test
    void aCommandWithoutATimeTakesNow() {
        AlertCommand command =
                new AlertCommand("acme/r1", AlertAction.ACK, null, "sam", null, null);

        Alert acked = AlertLifecycle.apply(firing(), command, T1).alert();

        assertThat(acked.acknowledgedAt()).isEqualTo(T1);
    }

    private static final Instant T1 = T0.plus(Duration.ofHours(1));

    private Alert firing() {
        return step(null, rule(Duration.ZERO, Duration.ZERO, true), T0, holds).alert();
    }

    private static AlertCommand command(AlertAction action, Instant until) {
        return new AlertCommand("acme/r1", action, until, "sam@example.com", T1, "seen");
    }

    private static Evaluation holdsSince(Instant onset) {
        return new Evaluation(true, "Acme: silent", onset);
    }

    private static AlertLifecycle.Step step(
            Alert current, AlertRule rule, Instant now, Evaluation evaluation) {
        return step(current, rule, now, evaluation, false);
    }

    private static AlertLifecycle.Step step(
            Alert current,
            AlertRule rule,
            Instant now,
            Evaluation evaluation,
            boolean dataCaughtUp) {
        HealthScore score =
                new HealthScore(
                        "acme",
                        55,
                        Band.NEUTRAL,
                        "m1",
                        now,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null);
        AlertInput in =
                new AlertInput(
                        "acme",
                        score,
                        ACME,
                        new DailyHistory(Map.of(), now),
                        now,
                        null,
                        dataCaughtUp,
                        false,
                        score.band());
        return AlertLifecycle.next(current, rule, "v1", in, evaluation);
    }

    private static AlertRule rule(Duration forDuration, Duration cooldown, boolean autoResolve) {
        return new AlertRule(
                "r1",
                Severity.WARNING,
                forDuration,
                cooldown,
                autoResolve,
                null,
                new AlertCondition.Silence(3));
    }
}
