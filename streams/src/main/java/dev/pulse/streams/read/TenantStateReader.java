package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tenant state wherever it lives: in this instance's stores, or on the instance Kafka Streams
 * says owns the tenant. Handlers and bots use only this; they never see store names.
 *
 * <p>Calls block (store iteration, remote HTTP): call them off the event loop. While stores are
 * rebalancing or restoring, methods throw {@link StateUnavailableException}.
 */
public interface TenantStateReader {
    /** The tenant's current score, if it has ever been scored. */
    Optional<HealthScore> currentScore(String tenantId);

    /** Current scores of many tenants; tenants without a score are absent from the map. */
    Map<String, HealthScore> currentScores(Collection<String> tenantIds);

    /** End-of-day scores for UTC days starting in {@code [from, to)}, oldest first. */
    List<HealthScore> dailyScores(String tenantId, Instant from, Instant to);

    /** Engagement buckets starting in {@code [from, to)}, oldest first; empty buckets absent. */
    List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to);

    /** Engagement summed over {@code [from, to)} by day; active users are distinct over it. */
    EngagementTotals engagementTotals(String tenantId, Instant from, Instant to);

    /**
     * {@link #engagementTotals} over {@code [from, to)} for each of {@code froms}, in their order:
     * an account's last 7 and last 30 days. Readers of the stores fetch the longest range once and
     * total every range from it; this default reads each range on its own.
     */
    default List<EngagementTotals> engagementTotalsSince(
            String tenantId, List<Instant> froms, Instant to) {
        return froms.stream().map(from -> engagementTotals(tenantId, from, to)).toList();
    }

    /** One account of the directory. */
    Optional<Account> account(String tenantId);

    /** The whole account directory. */
    List<Account> accounts();

    /**
     * The directory's accounts owned by one of {@code owners}, compared ignoring case, in no
     * particular order. A reader that keeps the directory indexes it by owner; this default filters
     * {@link #accounts()}.
     */
    default List<Account> accountsOwnedBy(Collection<String> owners) {
        return accounts().stream().filter(account -> account.ownedByAny(owners)).toList();
    }

    /** The tenant's alerts (one per rule that ever fired or is pending), by rule id. */
    List<Alert> alerts(String tenantId);

    /**
     * The tenant's alert of one rule, if that rule ever fired or is pending for it. The store key
     * is the tenant and the rule, so implementations read it directly rather than scanning.
     */
    Optional<Alert> alert(String tenantId, String ruleId);

    /**
     * Every state change of the tenant's alerts dated in {@code [from, to)}, oldest first; changes
     * at the same instant in the order they were made.
     */
    List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to);

    /** The tenant's follow-ups, every status, in no particular order. */
    List<FollowUp> followUps(String tenantId);

    /**
     * The tenant's funnel tallies of the UTC days starting in {@code [from, to)}, oldest first;
     * days on which nobody progressed in any funnel are absent.
     */
    default List<FunnelDay> funnelDays(String tenantId, Instant from, Instant to) {
        return funnelDays(List.of(tenantId), from, to).getOrDefault(tenantId, List.of());
    }

    /**
     * Funnel days of many tenants, as {@link #funnelDays(String, Instant, Instant)} reads one, in
     * as few reads as the tenants' owners allow; tenants without any are absent from the map.
     */
    Map<String, List<FunnelDay>> funnelDays(Collection<String> tenantIds, Instant from, Instant to);

    /**
     * The journey state of many tenants, in the order of {@code tenantIds}; tenants without a
     * closed day yet are absent from the map.
     */
    Map<String, JourneyState> journeys(Collection<String> tenantIds);

    /** Bucket size of engagement reads. */
    enum Granularity {
        HOUR,
        DAY
    }

    /**
     * The same reads, answered from this instance's standby and restoring copies too, each noted in
     * {@link ReadFreshness}: what another instance asks for while a tenant's owner is gone. A
     * reader without copies answers as itself.
     */
    default TenantStateReader copies() {
        return this;
    }
}
