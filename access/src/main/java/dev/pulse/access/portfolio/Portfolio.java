package dev.pulse.access.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The accounts of some owners, riskiest first ({@link PortfolioRanking}).
 *
 * @param owners lower-case e-mails whose accounts these are
 * @param asOf when it was read
 */
public record Portfolio(Set<String> owners, List<PortfolioEntry> entries, Instant asOf) {
    public List<PortfolioEntry> atRisk() {
        return entries.stream().filter(PortfolioEntry::atRisk).toList();
    }

    public List<String> tenantIds() {
        return entries.stream().map(PortfolioEntry::tenantId).toList();
    }
}
