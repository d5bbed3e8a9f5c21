package dev.pulse.access.accounts;

import dev.pulse.access.security.Caller;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One account as the caller may see it. A tenant with neither a directory record nor a score is
 * unknown (empty); one outside the caller's scope is {@link
 * dev.pulse.access.security.AccessDeniedException}.
 */
public final class Accounts {
    private final Clock clock;

    public Accounts(Clock clock) {
        this.clock = clock;
    }

    public Optional<AccountSnapshot> snapshot(Caller caller, String tenantId) {
        TenantStateReader reader = caller.reader();
        Account account = reader.account(tenantId).orElse(null);
        HealthScore score = reader.currentScore(tenantId).orElse(null);
        if (account == null && score == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant today = UtcDays.startOfDay(now);
        return Optional.of(
                new AccountSnapshot(
                        tenantId,
                        account,
                        score,
                        reader.engagementTotals(
                                tenantId, today.minus(UtcDays.DAY.multipliedBy(6)), now),
                        reader.engagementTotals(
                                tenantId, today.minus(UtcDays.DAY.multipliedBy(29)), now)));
    }
}
