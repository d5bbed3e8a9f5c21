package dev.pulse.access.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.reports.AccountReview.ContributionChange;
import dev.pulse.access.reports.AccountReview.SeatUtilisation;
import dev.pulse.access.reports.AccountReview.UsageDay;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewNarrativeTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private static final ReportPeriod QUARTER =
            ReportPeriod.ofDays(FIRST, LocalDate.parse("2026-03-31"));

    @Test
    void saysTheScoreItsBandAndItsChangeSinceThePeriodStarted() {
        List<String> summary = review(score(38.4, Band.AT_RISK), -21.55, List.of()).summary();

        assertThat(summary.get(0))
                .isEqualTo(
                        "The health score of Acme Rockets is 38.4 of 100 (at risk), down 21.6"
                                + " points since 2026-01-01.");
    }

    @Test
    void namesTheMeasureThatMovedMostAndWhichWay() {
        List<ContributionChange> movers =
                List.of(
                        new ContributionChange("seats", "Seat utilisation", 5.0, 12.5, "why"),
                        new ContributionChange("trend", "Trend", 8.0, 6.0, "why"));

        List<String> summary = review(score(50, Band.NEUTRAL), -5.5, movers).summary();

        assertThat(summary)
                .contains(
                        "The largest change came from seat utilisation, which took away 7.5"
                                + " points.");
    }

    @Test
    void ignoresMovesTooSmallToMention() {
        List<ContributionChange> movers =
                List.of(new ContributionChange("trend", "Trend", 8.0, 7.5, "why"));

        assertThat(review(score(50, Band.NEUTRAL), 0.5, movers).summary())
                .noneMatch(sentence -> sentence.contains("largest change"));
    }

    @Test
    void comparesTheLastThirtyDaysOfActivityWithTheFirstThirtyAndCountsSeatsAlertsAndRenewal() {
        List<String> summary = review(score(80, Band.HEALTHY), 2.0, List.of()).summary();

        assertThat(summary)
                .contains(
                        "Daily activity in the last 30 days was 50% higher than in the first 30.",
                        "30 people used the product in the last 30 days of the period, 25% of the"
                                + " 120 licensed seats.",
                        "One alert was raised in the period.",
                        "The contract renews on 2026-06-14, 75 days after the period.");
    }

    @Test
    void saysSoWhenThereIsNoScoreYet() {
        assertThat(review(null, null, List.of()).summary())
                .startsWith(
                        "Acme Rockets has no health score yet: Pulse has seen too little"
                                + " activity.");
    }

    private static HealthScore score(double value, Band band) {
        return new HealthScore(
                "acme",
                value,
                band,
                "test",
                QUARTER.to(),
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null);
    }

    /** 90 days: 100 events a day in the first 60, 150 in the last 30; one alert fired twice. */
    private static AccountReview review(
            HealthScore current, Double change, List<ContributionChange> contributions) {
        List<UsageDay> usage = new ArrayList<>();
        for (LocalDate day = QUARTER.firstDay();
                !day.isAfter(QUARTER.lastDay());
                day = day.plusDays(1)) {
            long events = day.isAfter(QUARTER.lastDay().minusDays(30)) ? 150 : 100;
            usage.add(new UsageDay(day, 30, events, 2, 3));
        }
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        AlertTransition fired =
                new AlertTransition(
                        "acme/usage-drop",
                        "usage-drop",
                        AlertKind.USAGE_DROP,
                        Severity.WARNING,
                        AlertState.FIRING,
                        at,
                        at,
                        at,
                        null,
                        "usage fell",
                        "1",
                        null,
                        null,
                        null,
                        false);
        return new AccountReview(
                        "acme",
                        "Acme Rockets",
                        "sarah@example.com",
                        "EMEA",
                        "enterprise",
                        240_000.0,
                        QUARTER.lastDay().plusDays(75),
                        QUARTER,
                        QUARTER.to(),
                        current,
                        change,
                        List.of(),
                        contributions,
                        usage,
                        List.of(),
                        List.of(),
                        new SeatUtilisation(
                                120L, 30, 0.25, QUARTER.lastDay().minusDays(29), QUARTER.lastDay()),
                        List.of(fired, fired),
                        List.of(),
                        List.of())
                .withWrittenSummary();
    }
}
