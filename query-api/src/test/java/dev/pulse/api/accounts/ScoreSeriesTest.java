package dev.pulse.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSeriesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final Instant TODAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final List<HealthScore> DAILY =
            List.of(
                    Scores.endOfDay("acme", LocalDate.of(2026, 11, 17), 60),
                    Scores.endOfDay("acme", LocalDate.of(2026, 11, 19), 58));
    private static final HealthScore CURRENT = Scores.score("acme", 55, NOW);

    @Test
    void hasAPointPerScoredDayThenTheCurrentScore() {
        List<SeriesPoint> points =
                ScoreSeries.points(
                        TimeseriesMetric.parse("health_score"),
                        DAILY,
                        CURRENT,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        NOW,
                        TODAY);
        assertThat(points)
                .extracting(SeriesPoint::t)
                .containsExactly(
                        Instant.parse("2026-11-17T00:00:00Z"),
                        Instant.parse("2026-11-19T00:00:00Z"),
                        TODAY);
        assertThat(points).extracting(SeriesPoint::value).containsExactly(60.0, 58.0, 55.0);
    }

    @Test
    void leavesOutTheCurrentScoreWhenTheRangeEndsBeforeToday() {
        List<SeriesPoint> points =
                ScoreSeries.points(
                        TimeseriesMetric.parse("health_score"),
                        DAILY,
                        CURRENT,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        TODAY,
                        TODAY);
        assertThat(points).extracting(SeriesPoint::value).containsExactly(60.0, 58.0);
    }

    @Test
    void measureSeriesCarriesReadingAndPointsAndSkipsDaysWithoutData() {
        List<SeriesPoint> utilisation =
                ScoreSeries.points(
                        TimeseriesMetric.parse("measure.seat_utilisation"),
                        DAILY,
                        null,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        NOW,
                        TODAY);
        assertThat(utilisation).extracting(SeriesPoint::points).containsExactly(60.0, 58.0);
        assertThat(utilisation.get(0).value().doubleValue()).isEqualTo(0.6);
        assertThat(
                        ScoreSeries.points(
                                TimeseriesMetric.parse("measure.active_days"),
                                DAILY,
                                CURRENT,
                                Instant.parse("2026-11-01T00:00:00Z"),
                                NOW,
                                TODAY))
                .isEmpty();
    }

    @Test
    void atRiskIsEachClosedDaysDecisionThenWhetherTheAccountIsAtRiskNow() {
        HealthModel model = shippedModel();
        List<HealthScore> daily =
                List.of(
                        Scores.endOfDay("acme", LocalDate.of(2026, 11, 16), 62)
                                .withDecision(decision(LocalDate.of(2026, 11, 16), false), model),
                        // A low score the decision does not (yet) call at risk: 0.
                        Scores.endOfDay("acme", LocalDate.of(2026, 11, 17), 35)
                                .withDecision(decision(LocalDate.of(2026, 11, 17), false), model),
                        // A fair score the decision calls at risk (a persistent decline): 1.
                        Scores.endOfDay("acme", LocalDate.of(2026, 11, 18), 52)
                                .withDecision(decision(LocalDate.of(2026, 11, 18), true), model),
                        // Stored before decisions existed: its band decides.
                        Scores.endOfDay("acme", LocalDate.of(2026, 11, 19), 30));
        HealthScore current =
                Scores.score("acme", 50, NOW)
                        .withRisk(decision(LocalDate.of(2026, 11, 19), true), model);

        List<SeriesPoint> points =
                ScoreSeries.points(
                        TimeseriesMetric.parse("at_risk"),
                        daily,
                        current,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        NOW,
                        TODAY);

        assertThat(points)
                .extracting(SeriesPoint::t)
                .containsExactly(
                        Instant.parse("2026-11-16T00:00:00Z"),
                        Instant.parse("2026-11-17T00:00:00Z"),
                        Instant.parse("2026-11-18T00:00:00Z"),
                        Instant.parse("2026-11-19T00:00:00Z"),
                        TODAY);
        assertThat(points).extracting(SeriesPoint::value).containsExactly(0, 0, 1, 1, 1);
        assertThat(points).extracting(SeriesPoint::points).containsOnlyNulls();
    }

    @Test
    void todayIsZeroForAnAccountNotAtRiskNow() {
        List<SeriesPoint> points =
                ScoreSeries.points(
                        TimeseriesMetric.parse("at_risk"),
                        List.of(),
                        Scores.score("acme", 75, NOW),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        NOW,
                        TODAY);
        assertThat(points).extracting(SeriesPoint::value).containsExactly(0);
    }

    private static HealthModel shippedModel() {
        try {
            return HealthModel.fromYaml(
                    Files.readString(Path.of("..", "config", "health-model.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RiskAssessment decision(LocalDate day, boolean atRisk) {
        return new RiskAssessment(
                day,
                atRisk,
                atRisk,
                atRisk,
                !atRisk,
                atRisk ? day.minusDays(6) : null,
                atRisk ? day : null,
                atRisk ? "active users down 60% against their usual 4 weeks" : "fine",
                "active_user_days",
                atRisk ? 60.0 : 2.0,
                null);
    }

    @Test
    void listsTheMeasuresTheScoresCarry() {
        assertThat(ScoreSeries.measures(DAILY, CURRENT))
                .containsExactly("active_days", "seat_utilisation");
        assertThat(ScoreSeries.measures(List.of(), null)).isEmpty();
    }
}
