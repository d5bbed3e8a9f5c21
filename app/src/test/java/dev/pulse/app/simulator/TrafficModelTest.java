package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficModelTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");

    /**
     * A steady team's daily active users vary as independent people's presence does (binomial),
     * around the same mean as before: a fixed share of the team every day made weekly active users
     * move by 1-2 %, which no real team does and which made fades of small accounts look easier to
     * tell from noise than they are.
     */
    @Test
    void aSteadyTeamsDailyActiveUsersVaryLikeIndependentPeoplesPresence() {
        DemoCustomerBase base = DemoCustomerBase.generate(11, 150, ANCHOR);
        TrafficModel model =
                new TrafficModel(base.accounts(), base.behaviours(), new RandomStreams(11));
        int checked = 0;
        for (String tenantId : base.tenantsOf(UsagePattern.STEADY)) {
            TenantBehaviour tenant = base.behaviour(tenantId);
            List<Integer> sizes = new ArrayList<>();
            double expected = 0;
            double binomialVariance = 0;
            for (LocalDate day = LocalDate.of(2026, 3, 3);
                    day.isBefore(LocalDate.of(2026, 6, 30));
                    day = day.plusDays(1)) {
                if (day.getDayOfWeek() != DayOfWeek.TUESDAY
                        && day.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
                    continue;
                }
                TrafficModel.DayPlan plan = model.dayPlan(tenant, day);
                DayShape shape = tenant.shapeOn(day);
                if (!plan.active() || shape.volume() != 1 || shape.engagedUsers() < 20) {
                    continue;
                }
                double chance =
                        Math.min(
                                1,
                                TrafficModel.DAILY_ROSTER_SHARE
                                        * Seasonality.dayFactor(day)
                                        * shape.volume());
                sizes.add(plan.roster().length);
                expected += shape.engagedUsers() * chance;
                binomialVariance += shape.engagedUsers() * chance * (1 - chance);
            }
            if (sizes.size() < 20) {
                continue;
            }
            double mean = sizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
            double variance =
                    sizes.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum()
                            / (sizes.size() - 1);
            assertThat(mean).as(tenantId).isCloseTo(expected / sizes.size(), withinPercent(15));
            assertThat(variance / (binomialVariance / sizes.size()))
                    .as(tenantId + " variance against a binomial's")
                    .isBetween(0.4, 2.0);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    private static org.assertj.core.data.Percentage withinPercent(int percent) {
        return org.assertj.core.data.Percentage.withPercentage(percent);
    }
}
