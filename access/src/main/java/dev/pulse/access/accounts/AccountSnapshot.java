package dev.pulse.access.accounts;

import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;

/**
 * One account now.
 *
 * @param account null until the account is in the directory
 * @param score null until the tenant has been scored
 * @param last7d engagement over the last 7 UTC days, today included
 * @param last30d engagement over the last 30 UTC days, today included
 */
public record AccountSnapshot(
        String tenantId,
        Account account,
        HealthScore score,
        EngagementTotals last7d,
        EngagementTotals last30d) {}
