package dev.pulse.access.portfolio;

import java.util.Comparator;

/**
 * Riskiest first: at risk, then neutral, then healthy; within a band the lowest score first;
 * accounts without a score yet last. Ties go by tenant id so every front end lists the same order.
 */
public final class PortfolioRanking {
    public static final Comparator<PortfolioEntry> RISKIEST_FIRST =
            Comparator.comparing((PortfolioEntry entry) -> entry.score() == null)
                    .thenComparingInt(
                            entry -> entry.score() == null ? 3 : entry.score().band().riskRank())
                    .thenComparingDouble(entry -> entry.score() == null ? 0 : entry.score().score())
                    .thenComparing(PortfolioEntry::tenantId);

    private PortfolioRanking() {}
}
