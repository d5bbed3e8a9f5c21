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
 * the pipeline does, to check that every archetype tells its story in the demo.
 */
class ReplayHealthScoreTest {
    private static final LocalDate TODAY =
            LocalDate.ofInstant(ReplayFixture.ANCHOR, ZoneOffset.UTC);
    private final ReplayFixture replay = ReplayFixture.get();

    @Test
    void decliningTenantsEndAtRiskWithFallingScores() {
        List<String> declining = replay.base.tenantsOf(Archetype.DECLINING);
        double sumOfWeeklyDeltas = 0;
        for (String tenant : declining) {
            HealthScore now = replay.score(tenant, ReplayFixture.ANCHOR);
            double delta7d = now.score() - endOfDay(tenant, 7).score();
            double delta30d = now.score() - endOfDay(tenant, 30).score();
            assertThat(now.band()).as(tenant).isEqualTo(Band.AT_RISK);
            assertThat(delta7d).as(tenant + " 7-day delta").isNegative();
            assertThat(delta30d).as(tenant + " 30-day delta").isLessThanOrEqualTo(-15);
            sumOfWeeklyDeltas += delta7d;
        }
        assertThat(sumOfWeeklyDeltas / declining.size()).isLessThanOrEqualTo(-7);
    }

    @Test
    void idleTenantsEndAtRisk() {
        for (String tenant : replay.base.tenantsOf(Archetype.IDLE)) {
            assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                    .as(tenant)
                    .isEqualTo(Band.AT_RISK);
        }
    }

    @Test
    void steadyAndExpandingTenantsEndHealthy() {
        for (Archetype archetype : List.of(Archetype.STEADY_HEALTHY, Archetype.EXPANDING)) {
            for (String tenant : replay.base.tenantsOf(archetype)) {
                assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                        .as(tenant)
                        .isEqualTo(Band.HEALTHY);
            }
        }
    }

    @Test
    void lukewarmAndSupportHeavyTenantsAreNeitherHealthyNorLost() {
        for (String tenant : replay.base.tenantsOf(Archetype.LUKEWARM)) {
            assertThat(replay.score(tenant, ReplayFixture.ANCHOR).band())
                    .as(tenant)
                    .isEqualTo(Band.NEUTRAL);
        }
        for (String tenant : replay.base.tenantsOf(Archetype.SUPPORT_HEAVY)) {
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
