package dev.pulse.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.testing.Scores;
import dev.pulse.topologies.health.HealthScore;
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
    void listsTheMeasuresTheScoresCarry() {
        assertThat(ScoreSeries.measures(DAILY, CURRENT))
                .containsExactly("active_days", "seat_utilisation");
        assertThat(ScoreSeries.measures(List.of(), null)).isEmpty();
    }
}
