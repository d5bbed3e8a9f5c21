package dev.pulse.access.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodScoresTest {
    private static final Instant TODAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final HealthScore NOV_9 = Scores.endOfDay("acme", LocalDate.of(2026, 11, 9), 50);
    private static final HealthScore NOV_10 =
            Scores.endOfDay("acme", LocalDate.of(2026, 11, 10), 52);
    private static final HealthScore NOV_14 =
            Scores.endOfDay("acme", LocalDate.of(2026, 11, 14), 61);
    private static final HealthScore CURRENT = Scores.score("acme", 64, TODAY.plusSeconds(3600));
    private static final List<HealthScore> DAILY = List.of(NOV_9, NOV_10, NOV_14);

    @Test
    void startIsTheEndOfDayScoreOfTheDayBeforeFrom() {
        assertThat(PeriodScores.start(DAILY, Instant.parse("2026-11-10T00:00:00Z")))
                .isSameAs(NOV_9);
        assertThat(PeriodScores.start(DAILY, Instant.parse("2026-11-11T15:00:00Z")))
                .isSameAs(NOV_10);
        assertThat(PeriodScores.start(DAILY, Instant.parse("2026-11-12T00:00:00Z"))).isNull();
    }

    @Test
    void endIsTheCurrentScoreWhenTheRangeReachesToday() {
        assertThat(PeriodScores.end(DAILY, CURRENT, TODAY.plusSeconds(1), TODAY)).isSameAs(CURRENT);
    }

    @Test
    void endIsTheLastEndOfDayScoreNoLaterThanTo() {
        assertThat(PeriodScores.end(DAILY, CURRENT, TODAY, TODAY)).isSameAs(NOV_14);
        assertThat(PeriodScores.end(DAILY, CURRENT, Instant.parse("2026-11-15T00:00:00Z"), TODAY))
                .isSameAs(NOV_14);
        assertThat(PeriodScores.end(DAILY, CURRENT, Instant.parse("2026-11-14T23:00:00Z"), TODAY))
                .isSameAs(NOV_10);
        assertThat(PeriodScores.end(List.of(), null, Instant.parse("2026-11-14T00:00:00Z"), TODAY))
                .isNull();
    }
}
