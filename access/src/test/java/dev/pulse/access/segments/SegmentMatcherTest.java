package dev.pulse.access.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.testing.Scores;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentMatcherTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final Account acme =
            new Account(
                            "acme",
                            "Acme",
                            "sarah@x.test",
                            "EMEA",
                            "Enterprise",
                            100L,
                            120_000.0,
                            TODAY.plusDays(60),
                            "Strategic")
                    .withAttributes(Map.of("Region", "EMEA", "tier", "gold"));

    @Test
    void noConditionsSelectEveryAccountScoredOrNot() {
        SegmentMatcher any = SegmentMatcher.of(SegmentCriteria.ANY, TODAY);
        assertThat(any.matches(AccountFacts.of(acme, null))).isTrue();
        assertThat(any.matches(AccountFacts.of(acme, score(80)))).isTrue();
    }

    @Test
    void directoryFieldsMatchWithoutRegardToLetterCase() {
        assertThat(matches(criteria().plans("enterprise").build(), score(50))).isTrue();
        assertThat(matches(criteria().plans("pro", "starter").build(), score(50))).isFalse();
        assertThat(matches(criteria().segments("strategic").build(), score(50))).isTrue();
        assertThat(matches(criteria().owners("SARAH@x.test").build(), score(50))).isTrue();
        assertThat(matches(criteria().owners("david@x.test").build(), score(50))).isFalse();
        assertThat(matches(criteria().teams("emea").build(), score(50))).isTrue();
        assertThat(matches(criteria().teams("amer").build(), score(50))).isFalse();
    }

    @Test
    void attributesMustAllBePresentWithTheirValueInAnyCase() {
        assertThat(matches(criteria().attributes(Map.of("region", "emea")).build(), null)).isTrue();
        assertThat(
                        matches(
                                criteria()
                                        .attributes(Map.of("region", "emea", "tier", "GOLD"))
                                        .build(),
                                null))
                .isTrue();
        assertThat(matches(criteria().attributes(Map.of("region", "apac")).build(), null))
                .isFalse();
        assertThat(matches(criteria().attributes(Map.of("size", "large")).build(), null)).isFalse();
    }

    @Test
    void scoreConditionsNeedAScore() {
        SegmentCriteria band = criteria().bands(Band.AT_RISK).build();
        assertThat(matches(band, score(30))).isTrue();
        assertThat(matches(band, score(60))).isFalse();
        assertThat(matches(band, null)).isFalse();
        SegmentCriteria range = criteria().score(40.0, 60.0).build();
        assertThat(matches(range, score(40))).isTrue();
        assertThat(matches(range, score(60))).isTrue();
        assertThat(matches(range, score(60.1))).isFalse();
        assertThat(matches(range, null)).isFalse();
    }

    @Test
    void atRiskFollowsTheAtRiskDecisionNotOnlyTheBand() {
        HealthScore decidedAtRisk = Scores.endOfDay("acme", TODAY, 65, true);
        HealthScore fine = Scores.endOfDay("acme", TODAY, 65, false);
        SegmentCriteria atRisk = criteria().atRisk(true).build();
        assertThat(matches(atRisk, decidedAtRisk)).isTrue();
        assertThat(matches(atRisk, fine)).isFalse();
        assertThat(matches(criteria().atRisk(false).build(), fine)).isTrue();
        assertThat(matches(criteria().atRisk(false).build(), null)).isFalse();
    }

    @Test
    void deltaConditionsNeedThatDelta() {
        SegmentCriteria falling = criteria().delta7d(null, -10.0).build();
        assertThat(matches(falling, Scores.score("acme", 50, NOW, -12.0, null))).isTrue();
        assertThat(matches(falling, Scores.score("acme", 50, NOW, -5.0, null))).isFalse();
        assertThat(matches(falling, Scores.score("acme", 50, NOW, null, -20.0))).isFalse();
        SegmentCriteria month = criteria().delta30d(-30.0, -20.0).build();
        assertThat(matches(month, Scores.score("acme", 50, NOW, null, -20.0))).isTrue();
    }

    @Test
    void arrAndRenewalNeedTheirFieldAndRenewalCountsFromToday() {
        assertThat(matches(criteria().arr(100_000.0, null).build(), null)).isTrue();
        assertThat(matches(criteria().arr(null, 100_000.0).build(), null)).isFalse();
        assertThat(matches(criteria().renewalWithinDays(60).build(), null)).isTrue();
        assertThat(matches(criteria().renewalWithinDays(59).build(), null)).isFalse();
        Account lapsed =
                new Account("old", "Old", null, null, null, null, null, TODAY.minusDays(1), null);
        assertThat(
                        SegmentMatcher.of(criteria().renewalWithinDays(90).build(), TODAY)
                                .matches(AccountFacts.of(lapsed, null)))
                .isFalse();
        Account unknown = new Account("new", "New", null, null, null, null, null, null, null);
        assertThat(
                        SegmentMatcher.of(criteria().arr(0.0, null).build(), TODAY)
                                .matches(AccountFacts.of(unknown, null)))
                .isFalse();
    }

    @Test
    void journeyAndFunnelConditionsMatchOnlyFactsThatCarryThem() {
        SegmentCriteria onboarding = criteria().journeyStages("onboarding").build();
        SegmentMatcher stage = SegmentMatcher.of(onboarding, TODAY);
        assertThat(stage.matches(AccountFacts.of(acme, score(50)))).isFalse();
        assertThat(stage.matches(new AccountFacts(acme, null, "onboarding", null))).isTrue();
        assertThat(stage.matches(new AccountFacts(acme, null, "adopting", null))).isFalse();

        SegmentCriteria exported =
                criteria().funnel(new SegmentCriteria.FunnelStep("reporting", "exports")).build();
        SegmentMatcher funnel = SegmentMatcher.of(exported, TODAY);
        assertThat(funnel.matches(AccountFacts.of(acme, null))).isFalse();
        assertThat(
                        funnel.matches(
                                new AccountFacts(
                                        acme,
                                        null,
                                        null,
                                        Map.of("reporting", Set.of("viewed", "exports")))))
                .isTrue();
        assertThat(
                        funnel.matches(
                                new AccountFacts(
                                        acme, null, null, Map.of("reporting", Set.of("viewed")))))
                .isFalse();
    }

    @Test
    void matchesFiveHundredAccountsWellUnderAMillisecond() {
        List<AccountFacts> portfolio = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Account account =
                    new Account(
                                    "t" + i,
                                    "T" + i,
                                    "am" + (i % 20) + "@x.test",
                                    i % 2 == 0 ? "EMEA" : "AMER",
                                    i % 3 == 0 ? "enterprise" : "pro",
                                    50L,
                                    1000.0 * i,
                                    TODAY.plusDays(i % 400),
                                    "smb")
                            .withAttributes(Map.of("region", i % 2 == 0 ? "emea" : "amer"));
            portfolio.add(AccountFacts.of(account, Scores.score("t" + i, i % 101, NOW)));
        }
        SegmentMatcher matcher =
                SegmentMatcher.of(
                        criteria()
                                .plans("enterprise")
                                .teams("emea")
                                .score(null, 60.0)
                                .renewalWithinDays(180)
                                .attributes(Map.of("region", "EMEA"))
                                .build(),
                        TODAY);
        long best = Long.MAX_VALUE;
        int matched = 0;
        for (int round = 0; round < 200; round++) {
            long start = System.nanoTime();
            matched = 0;
            for (AccountFacts facts : portfolio) {
                if (matcher.matches(facts)) {
                    matched++;
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(matched).isPositive();
        assertThat(best).as("best of 200 rounds, ns").isLessThan(500_000);
    }

    private boolean matches(SegmentCriteria criteria, HealthScore score) {
        return SegmentMatcher.of(criteria, TODAY).matches(AccountFacts.of(acme, score));
    }

    private static HealthScore score(double value) {
        return Scores.score("acme", value, NOW);
    }

    static CriteriaBuilder criteria() {
        return new CriteriaBuilder();
    }
}
