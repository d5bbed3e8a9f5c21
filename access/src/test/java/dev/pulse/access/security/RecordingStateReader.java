package dev.pulse.access.security;

import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed set of accounts and scored tenants that records every call made to it, so tests can tell
 * whether a read reached the data at all.
 */
final class RecordingStateReader implements TenantStateReader {
    private final List<Account> accounts;
    private final Set<String> scored;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param scored tenants with a score and engagement, with or without an account record
     */
    RecordingStateReader(List<Account> accounts, Set<String> scored) {
        this.accounts = List.copyOf(accounts);
        this.scored = Set.copyOf(scored);
    }

    static Account account(String tenantId, String owner) {
        return new Account(
                tenantId, tenantId + " Inc.", owner, "east", "pro", 10L, 1e5, null, null);
    }

    static HealthScore score(String tenantId) {
        return new HealthScore(
                tenantId,
                50.0,
                Band.NEUTRAL,
                "test",
                Instant.EPOCH,
                null,
                null,
                List.of(),
                "none",
                null,
                null,
                null);
    }

    /** Every call so far, as {@code method(tenant)}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        calls.add("currentScore(" + tenantId + ")");
        return scored.contains(tenantId) ? Optional.of(score(tenantId)) : Optional.empty();
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        calls.add("currentScores(" + String.join(",", tenantIds) + ")");
        Map<String, HealthScore> result = new LinkedHashMap<>();
        tenantIds.stream().filter(scored::contains).forEach(t -> result.put(t, score(t)));
        return result;
    }

    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        calls.add("funnelDays(" + String.join(",", tenantIds) + ")");
        Map<String, List<FunnelDay>> result = new LinkedHashMap<>();
        tenantIds.stream()
                .filter(scored::contains)
                .forEach(t -> result.put(t, List.of(FunnelDay.empty(from))));
        return result;
    }

    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        calls.add("journeys(" + String.join(",", tenantIds) + ")");
        return Map.of();
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        calls.add("dailyScores(" + tenantId + ")");
        return scored.contains(tenantId) ? List.of(score(tenantId)) : List.of();
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        calls.add("engagement(" + tenantId + ")");
        return scored.contains(tenantId)
                ? List.of(new EngagementPoint(from, 1, 1, Map.of(), Map.of()))
                : List.of();
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        calls.add("engagementTotals(" + tenantId + ")");
        return new EngagementTotals(scored.contains(tenantId) ? 1 : 0, 0, 0, Map.of(), Map.of());
    }

    @Override
    public Optional<Account> account(String tenantId) {
        calls.add("account(" + tenantId + ")");
        return lookup(tenantId);
    }

    @Override
    public List<Account> accounts() {
        calls.add("accounts()");
        return accounts;
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        calls.add("alerts(" + tenantId + ")");
        return List.of();
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        calls.add("alert(" + tenantId + ", " + ruleId + ")");
        return Optional.empty();
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        calls.add("alertHistory(" + tenantId + ")");
        return List.of();
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        calls.add("followUps(" + tenantId + ")");
        return List.of();
    }

    /** The account directory as the access policy sees it; not recorded as a data read. */
    Optional<Account> lookup(String tenantId) {
        return accounts.stream().filter(a -> a.tenantId().equals(tenantId)).findFirst();
    }
}
