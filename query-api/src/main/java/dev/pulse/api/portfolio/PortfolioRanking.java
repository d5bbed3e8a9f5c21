package dev.pulse.api.portfolio;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders a portfolio by risk: at risk, then neutral, then healthy; within a band the lowest score
 * first; accounts without a score yet last. Ties go by tenant id so the order is stable.
 */
final class PortfolioRanking {
    static final Comparator<PortfolioItem> BY_RISK =
            Comparator.comparing((PortfolioItem item) -> item.score() == null)
                    .thenComparingInt(item -> item.band() == null ? 3 : item.band().riskRank())
                    .thenComparingDouble(item -> item.score() == null ? 0 : item.score())
                    .thenComparing(PortfolioItem::tenantId);

    private PortfolioRanking() {}

    static List<PortfolioItem> rank(List<Account> accounts, Map<String, HealthScore> scores) {
        return accounts.stream()
                .map(account -> PortfolioItem.of(account, scores.get(account.tenantId())))
                .sorted(BY_RISK)
                .toList();
    }
}
