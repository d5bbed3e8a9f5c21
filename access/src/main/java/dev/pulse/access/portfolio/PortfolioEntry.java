package dev.pulse.access.portfolio;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.util.Optional;

/** One account of a portfolio and its current score ({@code null} until it has been scored). */
public record PortfolioEntry(Account account, HealthScore score) {
    public String tenantId() {
        return account.tenantId();
    }

    public Optional<HealthScore> currentScore() {
        return Optional.ofNullable(score);
    }

    public boolean atRisk() {
        return score != null && score.band() == Band.AT_RISK;
    }
}
