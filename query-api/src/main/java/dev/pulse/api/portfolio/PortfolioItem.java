package dev.pulse.api.portfolio;

import dev.pulse.access.portfolio.AccountActivity;
import dev.pulse.access.portfolio.PortfolioEntry;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One account of a portfolio with what its row shows: open work and the last 30 days' scores. Score
 * fields are absent until the account has been scored.
 */
public record PortfolioItem(
        String tenantId,
        String name,
        Double score,
        Band band,
        Double delta7d,
        Double delta30d,
        String topReason,
        Instant lastEventAt,
        Long licensedSeats,
        Double arr,
        LocalDate renewalDate,
        String plan,
        String segment,
        Integer openAlerts,
        Integer openFollowUps,
        List<AccountActivity.DailyScore> sparkline,
        Links links) {

    public record Links(String self) {}

    public static PortfolioItem of(PortfolioEntry entry, AccountActivity activity) {
        Account account = entry.account();
        HealthScore score = entry.score();
        return new PortfolioItem(
                account.tenantId(),
                account.name(),
                score == null ? null : score.score(),
                score == null ? null : score.band(),
                score == null ? null : score.delta7d(),
                score == null ? null : score.delta30d(),
                score == null ? null : score.topReason(),
                score == null ? null : score.lastEventAt(),
                account.licensedSeats(),
                account.arr(),
                account.renewalDate(),
                account.plan(),
                account.segment(),
                activity == null ? null : activity.openAlerts(),
                activity == null ? null : activity.openFollowUps(),
                activity == null ? null : activity.recentScores(),
                new Links("/v1/accounts/" + account.tenantId()));
    }
}
