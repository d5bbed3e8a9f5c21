package dev.pulse.access.summary;

import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;

/**
 * What the summary needs of one account for one range.
 *
 * @param end the score at the end of the range; null when there is none
 * @param start the end-of-day score of the day before the range; null when there is none
 * @param totals engagement over the range
 */
public record TenantPeriod(
        Account account, HealthScore end, HealthScore start, EngagementTotals totals) {

    /** End score minus start score, when both exist. */
    public Double change() {
        return end == null || start == null ? null : end.score() - start.score();
    }
}
