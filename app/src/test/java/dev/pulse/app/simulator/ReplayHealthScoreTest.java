package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores the replayed history with the health model in {@code config/health-model.yaml}, the way
 * the pipeline does, to check that every pattern tells its story in the demo.
 */
class ReplayHealthScoreTest {
    private static final LocalDate TODAY =
            LocalDate.ofInstant(ReplayFixture.ANCHOR, ZoneOffset.UTC);
    private final ReplayFixture replay = ReplayFixture.get();

    @Test
    void fadingTenantsAboutToLeaveHaveFallingScores() {
        List<String> leavingSoon =
                replay.base.tenantsOf(UsagePattern.FADE).stream()
                        .filter(
                                t ->
                                        replay.base
                                                .plannedChurn(t)
                                                .orElseThrow()
                                                .isBefore(TODAY.plusDays(15)))
                        .toList();
        assertThat(leavingSoon).hasSizeGreaterThanOrEqualTo(8);
        double sumOfScores = 0;
        double sumOfMonthlyDeltas = 0;
        for (String tenant : leavingSoon) {
            HealthScore now = replay.score(tenant, ReplayFixture.ANCHOR);
            double delta30d = now.score() - endOfDay(tenant, 30).score();
            assertThat(delta30d).as(tenant + " 30-day delta").isLessThanOrEqualTo(-10);
            sumOfScores += now.score();
            sumOfMonthlyDeltas += delta30d;
        }
        // A fade is gradual: the scores fall by weeks, most of them out of the healthy band.
        assertThat(sumOfScores / leavingSoon.size()).isLessThan(65);
        assertThat(sumOfMonthlyDeltas / leavingSoon.size()).isLessThanOrEqualTo(-15);
    }

    @Test
    void idleTenantsEndAtRisk() {
        for (String tenant : replay.base.tenantsOf(UsagePattern.IDLE)) {
            assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                    .as(tenant)
                    .isEqualTo(Band.AT_RISK);
        }
    }

    @Test
    void steadyAndExpandingTenantsEndHealthy() {
        for (UsagePattern pattern : List.of(UsagePattern.STEADY, UsagePattern.EXPANDING)) {
            for (String tenant : replay.base.tenantsOf(pattern)) {
                assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                        .as(tenant)
                        .isEqualTo(Band.HEALTHY);
            }
        }
    }

    @Test
    void calendarTrapsAndNewAccountsEndHealthy() {
        for (UsagePattern pattern :
                List.of(
                        UsagePattern.CYCLICAL_MONTH_END,
                        UsagePattern.CYCLICAL_QUARTERLY,
                        UsagePattern.BLIP,
                        UsagePattern.RAMP_UP)) {
            for (String tenant : replay.base.tenantsOf(pattern)) {
                assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                        .as(tenant)
                        .isEqualTo(Band.HEALTHY);
            }
        }
    }

    @Test
    void lukewarmAndSupportHeavyTenantsAreNeitherHealthyNorLost() {
        for (String tenant : replay.base.tenantsOf(UsagePattern.LUKEWARM)) {
            // Neutral; a small lukewarm team may touch the healthy line (70) in a good week.
            assertThat(replay.score(tenant, ReplayFixture.ANCHOR).score())
                    .as(tenant)
                    .isBetween(40.0, 72.0);
        }
        for (String tenant : replay.base.tenantsOf(UsagePattern.SUPPORT_HEAVY)) {
            HealthScore score = replay.score(tenant, ReplayFixture.ANCHOR);
            assertThat(score.score()).as(tenant).isBetween(40.0, 80.0);
            assertThat(score.contributions())
                    .filteredOn(c -> c.measure().equals("support_friction"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.points()).isLessThan(30.0));
        }
    }

    /** The score as the pipeline keeps it at the end of the day {@code days} days ago. */
    private HealthScore endOfDay(String tenant, int days) {
        Instant end = TODAY.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        return replay.score(tenant, end);
    }
}
