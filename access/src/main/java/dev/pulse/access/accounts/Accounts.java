package dev.pulse.access.accounts;

import dev.pulse.access.security.Caller;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** The accounts of the directory the caller may see. */
    public List<Account> visible(Caller caller) {
        return caller.reader().accounts();
    }

    /** One account of the directory, if the caller may see it and it exists. */
    public Optional<Account> account(Caller caller, String tenantId) {
        return caller.reader().account(tenantId);
    }

    /** Known: in the directory or scored. Reads of an unknown tenant answer empty. */
    public static boolean known(TenantStateReader reader, String tenantId) {
        return reader.account(tenantId).isPresent() || reader.currentScore(tenantId).isPresent();
    }

    /** End-of-day scores starting in {@code [from, to)} and the current score, if known. */
    public Optional<ScoreHistory> scoreHistory(
            Caller caller, String tenantId, Instant from, Instant to) {
        TenantStateReader reader = caller.reader();
        Optional<HealthScore> current = reader.currentScore(tenantId);
        if (current.isEmpty() && reader.account(tenantId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ScoreHistory(reader.dailyScores(tenantId, from, to), current.orElse(null)));
    }

    /** Engagement buckets starting in {@code [from, to)}, if the tenant is known. */
    public Optional<List<EngagementPoint>> engagement(
            Caller caller, String tenantId, Granularity granularity, Instant from, Instant to) {
        TenantStateReader reader = caller.reader();
        return known(reader, tenantId)
                ? Optional.of(reader.engagement(tenantId, granularity, from, to))
                : Optional.empty();
    }

    /**
     * A tenant's score history.
     *
     * @param daily end-of-day scores, oldest first
     * @param current the current score; null until scored
     */
    public record ScoreHistory(List<HealthScore> daily, HealthScore current) {}

    public Optional<AccountSnapshot> snapshot(Caller caller, String tenantId) {
        TenantStateReader reader = caller.reader();
        Account account = reader.account(tenantId).orElse(null);
        HealthScore score = reader.currentScore(tenantId).orElse(null);
        if (account == null && score == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant today = UtcDays.startOfDay(now);
        List<EngagementTotals> lastWeekAndMonth =
                reader.engagementTotalsSince(
                        tenantId,
                        List.of(
                                today.minus(UtcDays.DAY.multipliedBy(6)),
                                today.minus(UtcDays.DAY.multipliedBy(29))),
                        now);
        return Optional.of(
                new AccountSnapshot(
                        tenantId,
                        account,
                        score,
                        lastWeekAndMonth.get(0),
                        lastWeekAndMonth.get(1)));
    }
}
