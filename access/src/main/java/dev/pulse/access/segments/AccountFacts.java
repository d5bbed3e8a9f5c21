package dev.pulse.access.segments;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a segment's criteria are evaluated against for one account.
 *
 * @param account the directory record
 * @param score its current (or, for history, that day's end-of-day) score; null when not scored
 * @param journeyStage the lifecycle stage id; null when not known
 * @param funnelSteps per funnel id, the step ids the account's users reached; null when not known
 */
public record AccountFacts(
        Account account,
        HealthScore score,
        String journeyStage,
        Map<String, Set<String>> funnelSteps) {
    public AccountFacts {
        Objects.requireNonNull(account, "account");
    }

    /** The facts Pulse has for every account today: the directory record and the score. */
    public static AccountFacts of(Account account, HealthScore score) {
        return new AccountFacts(account, score, null, null);
    }
}
