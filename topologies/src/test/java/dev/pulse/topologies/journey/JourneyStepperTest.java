package dev.pulse.topologies.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyStepperTest {
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final JourneyStepper STEPPER = new JourneyStepper(shipped());

    private static JourneyModel shipped() {
        try {
            return JourneyModel.fromYaml(Files.readString(Path.of("..", "config", "journey.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The end-of-day score of {@code day} for an account active since START. */
    private static HealthScore day(
            LocalDate day,
            double score,
            boolean atRisk,
            LocalDate lastActive,
            double activeDays,
            double seats,
            double breadth) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        RiskAssessment risk =
                new RiskAssessment(
                        day, atRisk, atRisk, atRisk, !atRisk, null, null, "", null, null, null);
        return new HealthScore(
                "acme",
                score,
                atRisk ? Band.AT_RISK : score >= 70 ? Band.HEALTHY : Band.NEUTRAL,
                "h-1",
                end,
                null,
                null,
                List.of(
                        contribution("active_days", activeDays),
                        contribution("seat_utilisation", seats),
                        contribution("breadth", breadth)),
                "",
                START.atTime(10, 0).toInstant(ZoneOffset.UTC),
                lastActive.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                risk);
    }

    private static Contribution contribution(String measure, double value) {
        return new Contribution(measure, measure, value, 50.0, 0.2, 10, "");
    }

    private static HealthScore engagedDay(LocalDate day) {
        return day(day, 85, false, day, 12, 0.8, 0.83);
    }

    private static HealthScore lightDay(LocalDate day) {
        return day(day, 45, false, day, 5, 0.2, 0.34);
    }

    private static Account account(String status) {
        return new Account(
                        "acme",
                        "Acme",
                        "sarah@example.com",
                        "east",
                        "growth",
                        15L,
                        1.0,
                        null,
                        "smb")
                .withOutcome(status, null, null);
    }

    @Test
    void anAccountsFirstClosedDayEntersTheFirstProgressStage() {
        JourneyStepper.Step step = STEPPER.apply(null, engagedDay(START), account(null), START);

        assertThat(step.moved()).isTrue();
        assertThat(step.transition()).isEqualTo(new Transition(null, "onboarding", START));
        assertThat(step.state().stage()).isEqualTo("onboarding");
        assertThat(step.state().tenantId()).isEqualTo("acme");
        assertThat(step.state().started()).isEqualTo(START);
        assertThat(step.state().since()).isEqualTo(START);
        assertThat(step.state().daysInStage()).isEqualTo(1);
        assertThat(step.state().modelVersion()).isEqualTo(STEPPER.model().version());
    }

    @Test
    void staysInAStageWhileItHoldsAndCountsTheDays() {
        JourneyState state = STEPPER.apply(null, lightDay(START), null, START).state();
        for (int d = 1; d < 5; d++) {
            JourneyStepper.Step step =
                    STEPPER.apply(state, lightDay(START.plusDays(d)), null, START.plusDays(d));
            assertThat(step.moved()).isFalse();
            state = step.state();
        }

        assertThat(state.stage()).isEqualTo("onboarding");
        assertThat(state.asOf()).isEqualTo(START.plusDays(4));
        assertThat(state.daysInStage()).isEqualTo(5);
        assertThat(state.transitions()).hasSize(1);
    }

    @Test
    void climbsToTheHighestProgressStageWhoseCriteriaHold() {
        JourneyState state = STEPPER.apply(null, engagedDay(START), null, START).state();
        LocalDate week = START.plusDays(7);
        JourneyStepper.Step activated = STEPPER.apply(state, lightDay(week), null, week);
        LocalDate sixWeeks = START.plusDays(42);
        JourneyStepper.Step engaged =
                STEPPER.apply(activated.state(), engagedDay(sixWeeks), null, sixWeeks);

        assertThat(activated.transition())
                .isEqualTo(new Transition("onboarding", "activated", week));
        // Adopting is skipped: the day meets the engaged criteria, the highest that hold.
        assertThat(engaged.transition())
                .isEqualTo(new Transition("activated", "engaged", sixWeeks));
        assertThat(engaged.state().since()).isEqualTo(sixWeeks);
    }

    @Test
    void movesBackwardsWhenUsageThinsOut() {
        LocalDate day = START.plusDays(60);
        JourneyState engaged =
                STEPPER.apply(null, engagedDay(day.minusDays(1)), null, day.minusDays(1)).state();
        engaged = STEPPER.apply(engaged, engagedDay(day), null, day).state();
        LocalDate next = day.plusDays(1);
        JourneyStepper.Step step =
                STEPPER.apply(engaged, day(next, 60, false, next, 8, 0.4, 0.5), null, next);

        assertThat(step.transition()).isEqualTo(new Transition("engaged", "adopting", next));
    }

    @Test
    void exitsComeFirstChurnedBeforeAtRisk() {
        LocalDate day = START.plusDays(60);
        JourneyState engaged = STEPPER.apply(null, engagedDay(day), null, day).state();

        LocalDate d1 = day.plusDays(1);
        JourneyStepper.Step atRisk =
                STEPPER.apply(engaged, day(d1, 85, true, d1, 12, 0.8, 0.83), null, d1);
        assertThat(atRisk.transition()).isEqualTo(new Transition("engaged", "at_risk", d1));

        LocalDate d2 = day.plusDays(2);
        JourneyStepper.Step churned =
                STEPPER.apply(
                        atRisk.state(),
                        day(d2, 85, true, d2, 12, 0.8, 0.83),
                        account(Account.CHURNED),
                        d2);
        assertThat(churned.transition()).isEqualTo(new Transition("at_risk", "churned", d2));
    }

    @Test
    void silenceLeadsToAtRiskAfterAWeekAndChurnedAfterTwo() {
        LocalDate lastActive = START.plusDays(50);
        JourneyState state = STEPPER.apply(null, engagedDay(lastActive), null, lastActive).state();

        LocalDate d6 = lastActive.plusDays(6);
        LocalDate d7 = lastActive.plusDays(7);
        LocalDate d14 = lastActive.plusDays(14);
        assertThat(
                        STEPPER.apply(
                                        state,
                                        day(d6, 85, false, lastActive, 12, 0.8, 0.83),
                                        null,
                                        d6)
                                .state()
                                .stage())
                .isEqualTo("engaged");
        assertThat(
                        STEPPER.apply(
                                        state,
                                        day(d7, 85, false, lastActive, 12, 0.8, 0.83),
                                        null,
                                        d7)
                                .state()
                                .stage())
                .isEqualTo("at_risk");
        assertThat(
                        STEPPER.apply(
                                        state,
                                        day(d14, 85, false, lastActive, 12, 0.8, 0.83),
                                        null,
                                        d14)
                                .state()
                                .stage())
                .isEqualTo("churned");
    }

    @Test
    void aNewAccountsLowScoreIsNotAtRiskInItsFirstFourWeeks() {
        LocalDate day = START.plusDays(10);
        JourneyStepper.Step step =
                STEPPER.apply(null, day(day, 20, true, day, 5, 0.2, 0.34), null, day);

        assertThat(step.state().stage()).isEqualTo("activated");
    }

    @Test
    void appliesEachDayOnce() {
        JourneyState state = STEPPER.apply(null, engagedDay(START), null, START).state();

        JourneyStepper.Step again = STEPPER.apply(state, engagedDay(START), null, START);
        JourneyStepper.Step earlier =
                STEPPER.apply(state, engagedDay(START.minusDays(1)), null, START.minusDays(1));

        assertThat(again.state()).isSameAs(state);
        assertThat(again.moved()).isFalse();
        assertThat(earlier.state()).isSameAs(state);
    }

    @Test
    void keepsTheLatestMovesOnly() {
        JourneyState state = STEPPER.apply(null, engagedDay(START), null, START).state();
        LocalDate day = START.plusDays(60);
        for (int i = 0; i < JourneyState.MAX_TRANSITIONS + 10; i++) {
            day = day.plusDays(1);
            HealthScore score =
                    i % 2 == 0 ? engagedDay(day) : day(day, 60, false, day, 8, 0.4, 0.5);
            state = STEPPER.apply(state, score, null, day).state();
        }

        assertThat(state.transitions()).hasSize(JourneyState.MAX_TRANSITIONS);
        assertThat(state.transitions().get(state.transitions().size() - 1).day()).isEqualTo(day);
        assertThat(state.transitions().get(0).from()).isNotNull();
    }
}
