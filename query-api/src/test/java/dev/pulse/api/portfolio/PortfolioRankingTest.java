package dev.pulse.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.testing.Scores;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PortfolioRankingTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    @Test
    void ordersAtRiskThenNeutralThenHealthyLowestScoreFirstAndUnscoredLast() {
        List<Account> accounts =
                Stream.of(
                                "healthy90",
                                "unscored-b",
                                "neutral45",
                                "atrisk35",
                                "healthy70",
                                "atrisk10",
                                "unscored-a",
                                "neutral69")
                        .map(t -> Scores.account(t, t, "sarah@example.com"))
                        .toList();
        Map<String, HealthScore> scores =
                Stream.of(
                                Scores.score("healthy90", 90, NOW),
                                Scores.score("neutral45", 45, NOW),
                                Scores.score("atrisk35", 35, NOW),
                                Scores.score("healthy70", 70, NOW),
                                Scores.score("atrisk10", 10, NOW),
                                Scores.score("neutral69", 69, NOW))
                        .collect(Collectors.toMap(HealthScore::tenantId, s -> s));

        assertThat(PortfolioRanking.rank(accounts, scores))
                .extracting(PortfolioItem::tenantId)
                .containsExactly(
                        "atrisk10",
                        "atrisk35",
                        "neutral45",
                        "neutral69",
                        "healthy70",
                        "healthy90",
                        "unscored-a",
                        "unscored-b");
    }

    @Test
    void bandOutranksScoreWhenTheModelBandsDifferently() {
        // A model may band by its own thresholds: the band decides first, the score second.
        HealthScore lowButNeutral = Scores.score("a", 30, NOW);
        lowButNeutral =
                new HealthScore(
                        "a",
                        30,
                        Band.NEUTRAL,
                        Scores.MODEL,
                        NOW,
                        null,
                        null,
                        lowButNeutral.contributions(),
                        null,
                        null,
                        null);
        List<PortfolioItem> ranked =
                PortfolioRanking.rank(
                        List.of(
                                Scores.account("a", "A", "s@example.com"),
                                Scores.account("b", "B", "s@example.com")),
                        Map.of("a", lowButNeutral, "b", Scores.score("b", 39, NOW)));
        assertThat(ranked).extracting(PortfolioItem::tenantId).containsExactly("b", "a");
    }
}
