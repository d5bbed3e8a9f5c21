package dev.pulse.access.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.testing.Scores;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryCalculatorTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T00:00:00Z");

    private static TenantPeriod period(
            String tenant, String owner, Double start, Double end, long events, long users) {
        HealthScore startScore = start == null ? null : Scores.score(tenant, start, FROM);
        HealthScore endScore = end == null ? null : Scores.score(tenant, end, TO);
        return new TenantPeriod(
                Scores.account(tenant, tenant.toUpperCase(), owner),
                endScore,
                startScore,
                new EngagementTotals(events, users, 3, Map.of(), Map.of()));
    }

    private static final List<TenantPeriod> PERIODS =
            List.of(
                    period("a", "sarah@example.com", 50.0, 80.0, 100, 10),
                    period("b", "sarah@example.com", 60.0, 35.0, 20, 2),
                    period("c", "marc@example.com", null, 55.0, 5, 1),
                    period("d", "marc@example.com", 40.0, null, 0, 0),
                    period("e", "sarah@example.com", 71.0, 72.5, 7, 3));

    @Test
    void averagesEndScoresOverScoredAccounts() {
        GroupSummary overall = SummaryCalculator.group(null, PERIODS);
        assertThat(overall.accounts()).isEqualTo(5);
        assertThat(overall.scored()).isEqualTo(4);
        // (80 + 35 + 55 + 72.5) / 4 = 60.625
        assertThat(overall.averageScore()).isEqualTo(60.6);
        assertThat(overall.bands()).isEqualTo(new BandCounts(2, 1, 1));
    }

    @Test
    void showsHowBandsMovedAndHowMuchRevenueIsAtRisk() {
        GroupSummary overall = SummaryCalculator.group(null, PERIODS);
        // starts: a 50, b 60, d 40 neutral; e 71 healthy; c none
        assertThat(overall.bandsAtStart()).isEqualTo(new BandCounts(1, 3, 0));
        assertThat(overall.arr()).isEqualTo(600_000.0);
        // only b ends at risk (35)
        assertThat(overall.arrAtRisk()).isEqualTo(120_000.0);
    }

    @Test
    void averagesChangeOverAccountsWithBothScores() {
        // a +30, b -25, e +1.5: c has no start, d no end
        assertThat(SummaryCalculator.group(null, PERIODS).averageChange()).isEqualTo(2.2);
    }

    @Test
    void sumsEngagement() {
        GroupSummary overall = SummaryCalculator.group(null, PERIODS);
        assertThat(overall.events()).isEqualTo(132);
        assertThat(overall.activeUsers()).isEqualTo(16);
    }

    @Test
    void leavesAveragesOutWhenNothingIsScored() {
        GroupSummary empty =
                SummaryCalculator.group(
                        "x@example.com", List.of(period("z", "x@example.com", null, null, 0, 0)));
        assertThat(empty.averageScore()).isNull();
        assertThat(empty.averageChange()).isNull();
        assertThat(empty.bands()).isEqualTo(new BandCounts(0, 0, 0));
    }

    @Test
    void groupsByOwnerAndRanksTopAndBottom() {
        SummaryReport report = SummaryCalculator.summarize(PERIODS, 2, FROM, TO, TO);
        assertThat(report.owners())
                .extracting(GroupSummary::owner)
                .containsExactly("marc@example.com", "sarah@example.com");
        assertThat(report.owners().get(0).accounts()).isEqualTo(2);
        assertThat(report.owners().get(0).averageScore()).isEqualTo(55.0);
        assertThat(report.owners().get(1).averageChange()).isEqualTo(2.2);
        assertThat(report.top()).extracting(RankedAccount::tenantId).containsExactly("a", "e");
        assertThat(report.bottom()).extracting(RankedAccount::tenantId).containsExactly("b", "c");
        assertThat(report.bottom().get(0).change()).isEqualTo(-25.0);
        assertThat(report.bottom().get(1).change()).isNull();
    }

    @Test
    void listsFewerThanNWhenFewAreScored() {
        SummaryReport report = SummaryCalculator.summarize(PERIODS.subList(0, 1), 5, FROM, TO, TO);
        assertThat(report.top()).hasSize(1);
        assertThat(report.bottom()).hasSize(1);
    }
}
