package dev.pulse.access.testing;

import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.topic.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenant state held in maps, and the commands published against it: the use cases' rules are tested
 * here without a broker; the same rules over the real broker are in the API's and the app's ITs.
 */
public final class InMemoryState implements TenantStateReader, EventPublisher {
    public final List<Account> accounts = new ArrayList<>();
    public final Map<String, HealthScore> scores = new LinkedHashMap<>();
    public final List<Alert> alerts = new ArrayList<>();
    public final List<FollowUp> followUps = new ArrayList<>();
    public final List<HealthScore> daily = new ArrayList<>();
    public final List<Object> published = new ArrayList<>();
    public final Map<String, List<FunnelDay>> funnelDays = new LinkedHashMap<>();
    public final Map<String, JourneyState> journeys = new LinkedHashMap<>();

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        return Optional.ofNullable(scores.get(tenantId));
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        Map<String, HealthScore> found = new LinkedHashMap<>();
        tenantIds.forEach(t -> currentScore(t).ifPresent(s -> found.put(t, s)));
        return found;
    }

    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        Map<String, List<FunnelDay>> found = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            List<FunnelDay> days =
                    funnelDays.getOrDefault(tenant, List.of()).stream()
                            .filter(d -> !d.day().isBefore(from) && d.day().isBefore(to))
                            .toList();
            if (!days.isEmpty()) {
                found.put(tenant, days);
            }
        }
        return found;
    }

    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        Map<String, JourneyState> found = new LinkedHashMap<>();
        tenantIds.forEach(
                t -> {
                    if (journeys.containsKey(t)) {
                        found.put(t, journeys.get(t));
                    }
                });
        return found;
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return daily.stream()
                .filter(s -> s.tenantId().equals(tenantId))
                .filter(s -> !s.asOf().isBefore(from) && s.asOf().isBefore(to))
                .toList();
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return new EngagementTotals(0, 0, 0, Map.of(), Map.of()); // no engagement recorded here
    }

    @Override
    public Optional<Account> account(String tenantId) {
        return accounts.stream().filter(a -> a.tenantId().equals(tenantId)).findFirst();
    }

    @Override
    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        return alerts.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        return alerts(tenantId).stream().filter(a -> a.ruleId().equals(ruleId)).findFirst();
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        return followUps.stream().filter(f -> f.tenantId().equals(tenantId)).toList();
    }

    @Override
    public CompletableFuture<Void> publishEvent(String tenantId, long eventTimeMs, byte[] json) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> publishAccounts(List<Account> accounts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> publishAlertCommand(String tenantId, AlertCommand command) {
        published.add(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public <V> CompletableFuture<Void> publish(Topic<String, V> topic, String key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> publishFollowUpCommand(
            String tenantId, FollowUpCommand command) {
        published.add(command);
        return CompletableFuture.completedFuture(null);
    }
}
