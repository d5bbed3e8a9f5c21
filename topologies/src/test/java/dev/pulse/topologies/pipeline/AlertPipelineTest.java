package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alert rules through the production topology on a test driver. Days of usage are replayed with the
 * wall clock at 13:00 of each day (after its events), so alerts are evaluated along the way exactly
 * as the live pipeline would.
 */
class AlertPipelineTest {
    /** A Tuesday. */
    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

    private static final String USAGE_DROP =
            rule(
                    "usage",
                    "usage_drop",
                    "PT0S",
                    "P3D",
                    "dropPercent: 40\n" + "    minBaselineEventsPerWeek: 200");

    @Test
    void aHealthyAccountWithANormalWeekendDipFiresNothingUnderTheShippedRules() throws Exception {
        try (PipelineFixture f = fixture(PipelineFixture.ALERT_RULES)) {
            f.accounts.pipeInput("steady", account("steady", 12, "2027-06-30"));
            replay(f, 50, (d, day) -> activeDay(f, "steady", day, weekend(day) ? 3 : 9));
            f.advanceWallClock(Duration.ofHours(6));

            assertThat(f.alerts.readValuesToList()).isEmpty();
        }
    }

    @Test
    void usageDropFiresOnceWhileUsageStaysLowAndResolvesWhenItReturns() throws Exception {
        try (PipelineFixture f = fixture(rules(USAGE_DROP))) {
            f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
            replay(f, 56, (d, day) -> activeDay(f, "acme", day, d >= 42 && d < 49 ? 3 : 9));

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts)
                    .extracting(Alert::state)
                    .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
            Alert fired = alerts.get(0);
            assertThat(fired.id()).isEqualTo("acme/usage");
            assertThat(fired.kind()).isEqualTo(AlertKind.USAGE_DROP);
            assertThat(fired.owner()).isEqualTo("sarah@example.com");
            assertThat(fired.link()).isEqualTo("/v1/accounts/acme");
            assertThat(fired.ruleVersion()).isEqualTo("test-1");
            assertThat(fired.explanation())
                    .startsWith("ACME: events in the last 7 days down ")
                    .contains("against the same weekdays of the last 4 weeks");
            assertThat(fired.firedAt()).isAfter(START.plus(Duration.ofDays(42)));
            assertThat(alerts.get(1).firedAt()).isEqualTo(fired.firedAt());
            assertThat(f.alertStore().get("acme/usage").state()).isEqualTo(AlertState.RESOLVED);
        }
    }

    @Test
    void aSmallAccountsNoiseIsGuardedByTheMinimumVolume() throws Exception {
        try (PipelineFixture f = fixture(rules(USAGE_DROP))) {
            f.accounts.pipeInput("tiny", account("tiny", 3, "2027-06-30"));
            // 8 events a week at most; some weeks nearly nothing.
            replay(f, 49, (d, day) -> activeDay(f, "tiny", day, d % 3 == 0 && d < 44 ? 2 : 0));

            assertThat(f.alerts.readValuesToList()).isEmpty();
        }
    }

    @Test
    void aForDurationHoldsTheAlertPendingUntilItHasElapsed() throws Exception {
        String silence = rule("quiet", "silence", "PT6H", "0", "days: 2");
        try (PipelineFixture f = fixture(rules(silence))) {
            f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
            replay(f, 3, (d, day) -> activeDay(f, "acme", day, 5));
            Instant onset = f.currentScores().get("acme").lastEventAt().plus(Duration.ofDays(2));
            advanceTo(f, onset.plusSeconds(60));

            Alert pending = f.alerts.readValue();
            advanceTo(f, onset.plus(Duration.ofHours(6)).minusSeconds(60));
            assertThat(f.alerts.isEmpty()).isTrue();
            f.advanceWallClock(Duration.ofMinutes(2));
            Alert firing = f.alerts.readValue();

            assertThat(pending.state()).isEqualTo(AlertState.PENDING);
            assertThat(firing.state()).isEqualTo(AlertState.FIRING);
            assertThat(firing.firstSeenAt()).isEqualTo(pending.firstSeenAt());
            // Silence is dated by the data: 'for' counts from the last event + 2 days.
            assertThat(Duration.between(onset, firing.firedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofHours(6));
        }
    }

    @Test
    void aReplayFiresWhatTheDataShowedOnEachDayAndPagesNobody() throws Exception {
        String silence = rule("quiet", "silence", "PT1H", "P1D", "days: 7");
        try (PipelineFixture f = fixture(rules(silence), START.plus(Duration.ofDays(40)))) {
            f.accounts.pipeInput("busy", account("busy", 12, "2027-06-30"));
            f.accounts.pipeInput("quiet", account("quiet", 12, "2027-06-30"));
            // The replay is still running (days of data a few seconds apart, weeks behind).
            replayBehind(f, 0, 13, (d, day) -> busyAndQuietUntilDay(f, d, day, 2));

            List<Alert> alerts = f.alerts.readValuesToList();
            // quiet's last event is on day 1: silent for 7 days from day 8, which closed at the
            // start of day 9. Not "silent for 39 days" as the wall clock would have it.
            assertThat(alerts).extracting(Alert::id).containsExactly("quiet/quiet");
            Alert fired = alerts.get(0);
            assertThat(fired.state()).isEqualTo(AlertState.FIRING);
            assertThat(fired.isReplayed()).isTrue();
            assertThat(fired.firedAt()).isEqualTo(START.plus(Duration.ofDays(9)));
            assertThat(fired.explanation()).startsWith("QUIET: no activity for 7 days");
            assertThat(f.listener.transitions).containsExactly("quiet/warning/FIRING");
        }
    }

    @Test
    void anAlertStillFiringWhenTheReplayCatchesUpIsAnnouncedOnce() throws Exception {
        String silence = rule("quiet", "silence", "PT1H", "P1D", "days: 7");
        try (PipelineFixture f = fixture(rules(silence), START.plus(Duration.ofDays(20)))) {
            f.accounts.pipeInput("busy", account("busy", 12, "2027-06-30"));
            f.accounts.pipeInput("quiet", account("quiet", 12, "2027-06-30"));
            replayBehind(f, 0, 21, (d, day) -> busyAndQuietUntilDay(f, d, day, 10));
            Alert history = f.alerts.readValue();
            // The replay has drained: live traffic arrives as it happens.
            f.send("busy", "busy-live-1", "user-1", "login", null, f.wallClock());
            f.refreshScores();
            f.advanceWallClock(Duration.ofMinutes(1));
            f.advanceWallClock(Duration.ofMinutes(1));

            List<Alert> announced = f.alerts.readValuesToList();
            assertThat(history.isReplayed()).isTrue();
            assertThat(history.explanation()).startsWith("QUIET: no activity for 7 days");
            assertThat(announced).hasSize(1);
            Alert live = announced.get(0);
            assertThat(live.id()).isEqualTo("quiet/quiet");
            assertThat(live.state()).isEqualTo(AlertState.FIRING);
            assertThat(live.isReplayed()).isFalse();
            assertThat(live.firedAt()).isEqualTo(history.firedAt());
            assertThat(live.explanation()).startsWith("QUIET: no activity for 11 days");
            assertThat(f.alertStore().get("busy/quiet")).isNull();
        }
    }

    @Test
    void anAlertStillFiringWhenTheReplayDrainsIsAnnouncedOneIdlePeriodLater() throws Exception {
        String silence = rule("quiet", "silence", "PT1H", "P1D", "days: 7");
        // Idle after 10 s: longer than the replay's 5 s a day, shorter than the minute to the next
        // full recompute and alert evaluation.
        PipelineSettings idleAfterTenSeconds =
                graceAndIdle(Duration.ofHours(1), Duration.ofSeconds(10));
        // Replayed a month late: the replay's stream time never comes within hours of the clock.
        Instant wallClock = START.plus(Duration.ofDays(50)).plus(Duration.ofHours(13));
        try (PipelineFixture f =
                new PipelineFixture(wallClock, idleAfterTenSeconds, rules(silence))) {
            f.accounts.pipeInput("quiet", account("quiet", 12, "2027-06-30"));
            replayBehind(f, 0, 21, (d, day) -> busyAndQuietUntilDay(f, d, day, 10));
            assertThat(f.alerts.readValuesToList())
                    .as("what each day showed, no announcement")
                    .allMatch(Alert::isReplayed)
                    .isNotEmpty();

            // No live traffic follows: after 10 s of idleness the data is all there is. The alert
            // goes live at the next score refresh, not at the next minute's evaluation.
            for (int i = 0; i < 42; i++) {
                f.advanceWallClock(Duration.ofMillis(250));
            }

            // A month after the replay's last day, both are silent now.
            List<Alert> announced = f.alerts.readValuesToList();
            assertThat(announced)
                    .extracting(Alert::id)
                    .containsExactlyInAnyOrder("quiet/quiet", "busy/quiet");
            assertThat(announced).noneMatch(Alert::isReplayed);
            assertThat(announced).allMatch(alert -> alert.state() == AlertState.FIRING);
        }
    }

    @Test
    void aBacklogThatComesAndGoesBetweenTwoLiveChecksIsStillEvaluatedWhenItDrains()
            throws Exception {
        // No day closes inside the test (grace longer than the history), so only live evaluation
        // can fire, and the minute's evaluation of every tenant never comes.
        PipelineSettings noDayCloses = graceAndIdle(Duration.ofDays(45), Duration.ofMillis(500));
        Instant wallClock = START.plus(Duration.ofDays(35)).plus(Duration.ofHours(13));
        try (PipelineFixture f = new PipelineFixture(wallClock, noDayCloses, rules(USAGE_DROP))) {
            f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
            // Idle: the data counts as caught up, and the once-a-second live check has seen it.
            f.advanceWallClock(Duration.ofSeconds(1));
            // A backlog: four busy weeks and a quiet one, scored while it is still behind.
            for (int d = 0; d < 35; d++) {
                activeDay(f, "acme", START.plus(Duration.ofDays(d)), d >= 28 ? 2 : 9);
            }
            f.refreshScores();
            // It drains with another tenant's login a minute ago, which moves none of acme's
            // scores: the data is live again before the live check looks a second time.
            f.send("other", "other-now", "user-1", "login", null, wallClock.minusSeconds(60));
            for (int i = 0; i < 4; i++) {
                f.refreshScores();
            }

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::id).contains("acme/usage");
            alerts.removeIf(alert -> !alert.id().equals("acme/usage"));
            assertThat(alerts.get(0).state()).isEqualTo(AlertState.FIRING);
            assertThat(alerts.get(0).isReplayed()).isFalse();
        }
    }

    @Test
    void silenceFiresOnTheWallClockResolvesOnActivityAndRespectsTheCooldown() throws Exception {
        String silence = rule("quiet", "silence", "0", "P5D", "days: 2");
        try (PipelineFixture f = fixture(rules(silence))) {
            f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
            replay(f, 3, (d, day) -> activeDay(f, "acme", day, 5));
            Instant lastEvent = f.currentScores().get("acme").lastEventAt();

            advanceTo(f, lastEvent.plus(Duration.ofDays(2)).plusSeconds(60));
            for (int i = 0; i < 5; i++) {
                f.advanceWallClock(Duration.ofMinutes(1)); // still silent: no repeats
            }
            Alert firing = f.alerts.readValue();
            assertThat(f.alerts.isEmpty()).isTrue();

            Instant back = f.wallClock();
            f.send("acme", "back-1", "user-1", "login", null, back);
            f.refreshScores();
            f.advanceWallClock(Duration.ofMinutes(1));
            Alert resolved = f.alerts.readValue();

            // Silent again for more than two days, but within five days of resolving: quiet.
            advanceTo(f, back.plus(Duration.ofDays(4)));
            assertThat(f.alerts.isEmpty()).isTrue();
            advanceTo(f, resolved.resolvedAt().plus(Duration.ofDays(5)).plusSeconds(60));
            Alert again = f.alerts.readValue();

            assertThat(firing.state()).isEqualTo(AlertState.FIRING);
            assertThat(firing.severity()).isEqualTo(Severity.WARNING);
            assertThat(firing.explanation()).startsWith("ACME: no activity for 2 days");
            assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.firedAt()).isEqualTo(firing.firedAt());
            assertThat(again.state()).isEqualTo(AlertState.FIRING);
            assertThat(again.firedAt()).isAfter(resolved.resolvedAt().plus(Duration.ofDays(5)));
        }
    }

    @Test
    void withoutAutoResolveAFiringAlertOutlastsItsCondition() throws Exception {
        String silence =
                rule("quiet", "silence", "0", "0", "days: 2")
                        .replace("for:", "autoResolve: false\n    for:");
        try (PipelineFixture f = fixture(rules(silence))) {
            f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
            replay(f, 3, (d, day) -> activeDay(f, "acme", day, 5));
            advanceTo(f, f.currentScores().get("acme").lastEventAt().plus(Duration.ofDays(3)));
            f.send("acme", "back-1", "user-1", "login", null, f.wallClock());
            f.refreshScores();
            f.advanceWallClock(Duration.ofMinutes(5));

            assertThat(f.alerts.readValuesToList())
                    .extracting(Alert::state)
                    .containsExactly(AlertState.FIRING);
            assertThat(f.alertStore().get("acme/quiet").state()).isEqualTo(AlertState.FIRING);
        }
    }

    @Test
    void scoreDropFiresForAFallingAccountAndNotForASteadyOne() throws Exception {
        String drop = rule("drop", "score_drop", "0", "0", "delta7dAtMost: -15");
        try (PipelineFixture f = fixture(rules(drop))) {
            f.accounts.pipeInput("steady", account("steady", 10, "2027-06-30"));
            f.accounts.pipeInput("fading", account("fading", 10, "2027-06-30"));
            replay(
                    f,
                    45,
                    (d, day) -> {
                        activeDay(f, "steady", day, 9);
                        activeDay(f, "fading", day, d < 29 ? 9 : 1);
                    });

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::tenantId).containsOnly("fading");
            assertThat(alerts.get(0).state()).isEqualTo(AlertState.FIRING);
            assertThat(alerts.get(0).scoreAtFire()).isNotNull();
            assertThat(alerts.get(0).explanation())
                    .matches("FADING: score \\d+ → \\d+ in 7 days.*");
        }
    }

    @Test
    void renewalRiskFiresForLowUtilisationNearTheRenewalOnly() throws Exception {
        String renewal =
                rule(
                        "renewal",
                        "renewal_risk",
                        "0",
                        "0",
                        "utilisationBelow: 0.5\n    renewalWithinDays: 90");
        try (PipelineFixture f = fixture(rules(renewal))) {
            f.accounts.pipeInput("soon", account("soon", 40, "2026-10-15"));
            f.accounts.pipeInput("later", account("later", 40, "2027-06-30"));
            f.accounts.pipeInput("used", account("used", 10, "2026-10-15"));
            replay(
                    f,
                    3,
                    (d, day) -> {
                        activeDay(f, "soon", day, 9);
                        activeDay(f, "later", day, 9);
                        activeDay(f, "used", day, 9);
                    });

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::id).containsExactly("soon/renewal");
            assertThat(alerts.get(0).explanation())
                    .startsWith("SOON: renews in 44 days (2026-10-15) with ")
                    .contains("of 40 licensed seats in use");
        }
    }

    @Test
    void supportSpikeFiresWhenTicketsJumpAboveTheUsualWeek() throws Exception {
        String spike = rule("tickets", "support_spike", "0", "0", "factor: 3\n    minTickets: 5");
        try (PipelineFixture f = fixture(rules(spike))) {
            f.accounts.pipeInput("spiky", account("spiky", 12, "2027-06-30"));
            f.accounts.pipeInput("usual", account("usual", 12, "2027-06-30"));
            replay(
                    f,
                    43,
                    (d, day) -> {
                        activeDay(f, "spiky", day, 9);
                        activeDay(f, "usual", day, 9);
                        boolean lastDay = d == 42;
                        tickets(f, "spiky", day, lastDay ? 6 : d % 7 == 0 ? 1 : 0);
                        tickets(f, "usual", day, lastDay ? 6 : d % 7 == 0 ? 3 : 0);
                    });

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::id).containsExactly("spiky/tickets");
            assertThat(alerts.get(0).explanation())
                    .startsWith("SPIKY: 6 support tickets opened in the last 7 days");
        }
    }

    @Test
    void expansionFiresWhenNearlyEverySeatIsInUse() throws Exception {
        String expansion = rule("upsell", "expansion", "P1D", "0", "utilisationAbove: 0.9");
        try (PipelineFixture f = fixture(rules(expansion))) {
            f.accounts.pipeInput("full", account("full", 10, "2027-06-30"));
            f.accounts.pipeInput("roomy", account("roomy", 20, "2027-06-30"));
            replay(
                    f,
                    4,
                    (d, day) -> {
                        activeDay(f, "full", day, 10);
                        activeDay(f, "roomy", day, 10);
                    });

            List<Alert> alerts = f.alerts.readValuesToList();
            assertThat(alerts).extracting(Alert::id).containsOnly("full/upsell");
            assertThat(alerts)
                    .extracting(Alert::state)
                    .containsExactly(AlertState.PENDING, AlertState.FIRING);
            assertThat(alerts.get(1).severity()).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void anAckFromAPersonIsAppliedPublishedAndTheAlertStaysFiring() throws Exception {
        try (PipelineFixture f = silentAccountFiring()) {
            Alert firing = f.alerts.readValue();
            Instant at = f.wallClock();

            f.commands.pipeInput("acme", command(AlertAction.ACK, null, at));
            f.commands.pipeInput("acme", command(AlertAction.ACK, null, at));
            f.advanceWallClock(Duration.ofMinutes(5));

            List<Alert> changes = f.alerts.readValuesToList();
            assertThat(firing.state()).isEqualTo(AlertState.FIRING);
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).state()).isEqualTo(AlertState.FIRING);
            assertThat(changes.get(0).acknowledgedAt()).isEqualTo(at);
            assertThat(f.alertStore().get("acme/quiet").acknowledgedAt()).isEqualTo(at);
            assertThat(f.listener.ignoredCommands).hasValue(1);
        }
    }

    @Test
    void aSnoozedAlertIsPublishedAgainWhenTheSnoozeEndsWhileItStillFires() throws Exception {
        try (PipelineFixture f = silentAccountFiring()) {
            f.alerts.readValue();
            Instant until = f.wallClock().plus(Duration.ofHours(3));

            f.commands.pipeInput("acme", command(AlertAction.SNOOZE, until, f.wallClock()));
            Alert snoozed = f.alerts.readValue();
            advanceTo(f, until.minusSeconds(60));
            assertThat(f.alerts.isEmpty()).isTrue();
            f.advanceWallClock(Duration.ofMinutes(2));
            Alert renotified = f.alerts.readValue();

            assertThat(snoozed.snoozedUntil()).isEqualTo(until);
            assertThat(renotified.state()).isEqualTo(AlertState.FIRING);
            assertThat(renotified.snoozedUntil()).isNull();
            assertThat(renotified.firedAt()).isEqualTo(snoozed.firedAt());
            assertThat(f.alerts.isEmpty()).isTrue();
        }
    }

    @Test
    void aPersonResolvesAFiringAlertAndTheCooldownHoldsItBack() throws Exception {
        try (PipelineFixture f = silentAccountFiring()) {
            f.alerts.readValue();
            Instant at = f.wallClock();

            f.commands.pipeInput("acme", command(AlertAction.RESOLVE, null, at));
            Alert resolved = f.alerts.readValue();
            advanceTo(f, at.plus(Duration.ofDays(5)).minusSeconds(60));
            assertThat(f.alerts.isEmpty()).isTrue();
            advanceTo(f, at.plus(Duration.ofDays(5)).plusSeconds(60));
            Alert again = f.alerts.readValue();

            assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.resolvedAt()).isEqualTo(at);
            assertThat(again.state()).isEqualTo(AlertState.FIRING);
        }
    }

    @Test
    void commandsOnUnknownAlertsOrFromAnotherTenantAreIgnoredAndCounted() throws Exception {
        try (PipelineFixture f = silentAccountFiring()) {
            f.alerts.readValue();
            Instant at = f.wallClock();

            f.commands.pipeInput(
                    "acme", new AlertCommand("acme/nope", AlertAction.ACK, null, "sam", at, null));
            f.commands.pipeInput("other", command(AlertAction.RESOLVE, null, at));

            assertThat(f.alerts.isEmpty()).isTrue();
            assertThat(f.alertStore().get("acme/quiet").state()).isEqualTo(AlertState.FIRING);
            assertThat(f.listener.ignoredCommands).hasValue(2);
        }
    }

    /** "acme" silent for over two days under a silence rule with a five-day cooldown. */
    private static PipelineFixture silentAccountFiring() {
        PipelineFixture f = fixture(rules(rule("quiet", "silence", "0", "P5D", "days: 2")));
        f.accounts.pipeInput("acme", account("acme", 12, "2027-06-30"));
        replay(f, 3, (d, day) -> activeDay(f, "acme", day, 5));
        advanceTo(f, f.currentScores().get("acme").lastEventAt().plus(Duration.ofDays(2)));
        f.advanceWallClock(Duration.ofMinutes(1));
        return f;
    }

    private static AlertCommand command(AlertAction action, Instant until, Instant at) {
        return new AlertCommand("acme/quiet", action, until, "sam@example.com", at, null);
    }

    // --- helpers ---

    private interface DayOfUsage {
        void send(int dayIndex, Instant dayStart);
    }

    private static PipelineFixture fixture(AlertRules rules) {
        return new PipelineFixture(START.plus(Duration.ofHours(13)), rules);
    }

    /** A fixture whose wall clock starts {@code ahead} after START, at 13:00. */
    private static PipelineFixture fixture(AlertRules rules, Instant wallClock) {
        return new PipelineFixture(wallClock.plus(Duration.ofHours(13)), rules);
    }

    /**
     * Days of usage piped as fast as they come, as when Pulse replays history or catches up on a
     * backlog: a few seconds of wall clock per day of data.
     */
    private static void replayBehind(PipelineFixture f, int from, int to, DayOfUsage usage) {
        for (int d = from; d < to; d++) {
            usage.send(d, START.plus(Duration.ofDays(d)));
            f.advanceWallClock(Duration.ofSeconds(5));
        }
    }

    /** "busy" uses the product every day, "quiet" only on the days before {@code quietFrom}. */
    private static void busyAndQuietUntilDay(PipelineFixture f, int d, Instant day, int quietFrom) {
        activeDay(f, "busy", day, 9);
        if (d < quietFrom) {
            activeDay(f, "quiet", day, 9);
        }
    }

    /** Days of usage; after each, the wall clock moves to 13:00 of the next day. */
    private static void replay(PipelineFixture f, int days, DayOfUsage usage) {
        for (int d = 0; d < days; d++) {
            usage.send(d, START.plus(Duration.ofDays(d)));
            f.refreshScores();
            if (d < days - 1) {
                f.advanceWallClock(Duration.ofDays(1).minusMillis(250));
            }
        }
    }

    /** The shipped settings but for the grace period and the idle time that means caught up. */
    private static PipelineSettings graceAndIdle(Duration grace, Duration idle) {
        return PipelineSettings.defaults().withGrace(grace).withCaughtUpAfterIdle(idle);
    }

    private static void advanceTo(PipelineFixture f, Instant instant) {
        Duration gap = Duration.between(f.wallClock(), instant);
        if (!gap.isNegative()) {
            f.advanceWallClock(gap);
        }
    }

    private static void activeDay(PipelineFixture f, String tenant, Instant day, int users) {
        String[] features = {"dashboards", "reports", "alerts", "integrations", "exports"};
        LocalDate date = LocalDate.ofInstant(day, ZoneOffset.UTC);
        for (int e = 0; e < 4; e++) {
            for (int u = 0; u < users; u++) {
                f.send(
                        tenant,
                        tenant + "-" + date + "-" + u + "-" + e,
                        "user-" + u,
                        "feature_used",
                        features[(u + e) % features.length],
                        day.plus(Duration.ofHours(9 + e)).plusSeconds(u));
            }
        }
    }

    private static void tickets(PipelineFixture f, String tenant, Instant day, int count) {
        LocalDate date = LocalDate.ofInstant(day, ZoneOffset.UTC);
        for (int t = 0; t < count; t++) {
            f.send(
                    tenant,
                    tenant + "-ticket-" + date + "-" + t,
                    "user-" + t,
                    "ticket_opened",
                    null,
                    day.plus(Duration.ofHours(12)).plusSeconds(t));
        }
    }

    private static boolean weekend(Instant day) {
        DayOfWeek weekday = LocalDate.ofInstant(day, ZoneOffset.UTC).getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    private static String rule(
            String id, String kind, String forDuration, String cooldown, String params) {
        return "  - id: "
                + id
                + "\n    kind: "
                + kind
                + "\n    severity: warning\n    for: "
                + forDuration
                + "\n    cooldown: "
                + cooldown
                + "\n    "
                + params
                + "\n";
    }

    private static AlertRules rules(String... rules) {
        return AlertRules.fromYaml("version: test-1\nrules:\n" + String.join("", rules));
    }

    private static Account account(String tenant, long seats, String renewal) {
        return new Account(
                tenant,
                tenant.toUpperCase(),
                "sarah@example.com",
                "east",
                "growth",
                seats,
                50_000.0,
                LocalDate.parse(renewal),
                "mid-market");
    }
}
