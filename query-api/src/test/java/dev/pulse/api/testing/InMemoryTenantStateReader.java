package dev.pulse.api.testing;

import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TenantStateReader} over maps of real records, for testing the HTTP layer without Kafka.
 * It can be told to fail every read, and remembers which threads read.
 *
 * <p>Engagement totals sum the daily points of the range; {@code activeUsers} is the sum of the
 * days' active users (the real reader counts distinct users; tests that care set days whose users
 * do not overlap).
 */
public final class InMemoryTenantStateReader implements TenantStateReader {
    private static final Duration DAY = Duration.ofDays(1);

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, HealthScore> current = new LinkedHashMap<>();
    private final Map<String, JourneyState> journeys = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Instant, HealthScore>> daily = new LinkedHashMap<>();
    private final Map<Granularity, Map<String, NavigableMap<Instant, EngagementPoint>>> engagement =
            new LinkedHashMap<>();
    private final Map<String, Alert> alerts = new TreeMap<>();
    private final Map<String, FollowUp> followUps = new TreeMap<>();
    private final Map<String, List<AlertTransition>> history = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Instant, FunnelDay>> funnelDays = new LinkedHashMap<>();
    private final Set<String> readThreads = ConcurrentHashMap.newKeySet();
    private volatile RuntimeException failure;

    public synchronized InMemoryTenantStateReader put(Account account) {
        accounts.put(account.tenantId(), account);
        return this;
    }

    public synchronized InMemoryTenantStateReader putCurrent(HealthScore score) {
        current.put(score.tenantId(), score);
        return this;
    }

    /** Adds an end-of-day score; its day is the one its {@code asOf} closes. */
    public synchronized InMemoryTenantStateReader putDaily(HealthScore endOfDay) {
        daily.computeIfAbsent(endOfDay.tenantId(), t -> new TreeMap<>())
                .put(endOfDay.asOf().minus(DAY), endOfDay);
        return this;
    }

    public synchronized InMemoryTenantStateReader putEngagement(
            String tenant, Granularity granularity, EngagementPoint point) {
        engagement
                .computeIfAbsent(granularity, g -> new LinkedHashMap<>())
                .computeIfAbsent(tenant, t -> new TreeMap<>())
                .put(point.start(), point);
        return this;
    }

    /** Adds or replaces a tenant's funnel tallies of one day. */
    public synchronized InMemoryTenantStateReader putFunnelDay(String tenant, FunnelDay day) {
        funnelDays.computeIfAbsent(tenant, t -> new TreeMap<>()).put(day.day(), day);
        return this;
    }

    /** Adds or replaces an alert, keyed by its id ({@code tenant/rule}). */
    public synchronized InMemoryTenantStateReader putAlert(Alert alert) {
        alerts.put(alert.id(), alert);
        return this;
    }

    /**
     * Appends a change to the tenant's alert history at {@code at}; changes at one instant keep the
     * order they were added in, as in the store.
     */
    public synchronized InMemoryTenantStateReader putTransition(Instant at, Alert alert) {
        List<AlertTransition> changes =
                history.computeIfAbsent(alert.tenantId(), t -> new ArrayList<>());
        changes.add(AlertTransition.of(at, alert));
        changes.sort(Comparator.comparing(AlertTransition::at));
        return this;
    }

    /** Adds or replaces a follow-up, keyed as in the store ({@code tenant/id}). */
    public synchronized InMemoryTenantStateReader putFollowUp(FollowUp followUp) {
        followUps.put(FollowUp.key(followUp.tenantId(), followUp.id()), followUp);
        return this;
    }

    /** Adds or replaces a tenant's journey state. */
    public synchronized InMemoryTenantStateReader putJourney(JourneyState journey) {
        journeys.put(journey.tenantId(), journey);
        return this;
    }

    /** Every read throws {@code failure} from now on; null reads normally again. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    public synchronized void clear() {
        accounts.clear();
        current.clear();
        daily.clear();
        engagement.clear();
        alerts.clear();
        followUps.clear();
        journeys.clear();
        history.clear();
        funnelDays.clear();
        readThreads.clear();
        failure = null;
    }

    /** Names of the threads that called this reader. */
    public Set<String> readThreads() {
        return Set.copyOf(readThreads);
    }

    private void enter() {
        readThreads.add(Thread.currentThread().getName());
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    @Override
    public synchronized Optional<HealthScore> currentScore(String tenantId) {
        enter();
        return Optional.ofNullable(current.get(tenantId));
    }

    @Override
    public synchronized Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        enter();
        Map<String, List<FunnelDay>> found = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            NavigableMap<Instant, FunnelDay> days = funnelDays.get(tenant);
            if (days != null && from.isBefore(to)) {
                List<FunnelDay> inRange = List.copyOf(days.subMap(from, true, to, false).values());
                if (!inRange.isEmpty()) {
                    found.put(tenant, inRange);
                }
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        enter();
        Map<String, HealthScore> found = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            HealthScore score = current.get(tenant);
            if (score != null) {
                found.put(tenant, score);
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        enter();
        Map<String, JourneyState> found = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            JourneyState journey = journeys.get(tenant);
            if (journey != null) {
                found.put(tenant, journey);
            }
        }
        return found;
    }

    @Override
    public synchronized List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        enter();
        NavigableMap<Instant, HealthScore> days = daily.get(tenantId);
        return days == null
                ? List.of()
                : new ArrayList<>(days.subMap(from, true, to, false).values());
    }

    @Override
    public synchronized List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        enter();
        NavigableMap<Instant, EngagementPoint> points =
                engagement.getOrDefault(granularity, Map.of()).get(tenantId);
        return points == null
                ? List.of()
                : new ArrayList<>(points.subMap(from, true, to, false).values());
    }

    @Override
    public synchronized EngagementTotals engagementTotals(
            String tenantId, Instant from, Instant to) {
        List<EngagementPoint> days = engagement(tenantId, Granularity.DAY, from, to);
        long events = 0;
        long users = 0;
        long activeDays = 0;
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> features = new TreeMap<>();
        for (EngagementPoint day : days) {
            events += day.events();
            users += day.activeUsers();
            activeDays += day.events() > 0 ? 1 : 0;
            day.byType().forEach((k, v) -> byType.merge(k, v, Long::sum));
            day.features().forEach((k, v) -> features.merge(k, v, Long::sum));
        }
        return new EngagementTotals(events, users, activeDays, byType, features);
    }

    @Override
    public synchronized Optional<Account> account(String tenantId) {
        enter();
        return Optional.ofNullable(accounts.get(tenantId));
    }

    @Override
    public synchronized List<Account> accounts() {
        enter();
        return new ArrayList<>(accounts.values());
    }

    @Override
    public synchronized List<Alert> alerts(String tenantId) {
        enter();
        return alerts.values().stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    @Override
    public synchronized Optional<Alert> alert(String tenantId, String ruleId) {
        enter();
        return Optional.ofNullable(alerts.get(Alert.id(tenantId, ruleId)));
    }

    @Override
    public synchronized List<AlertTransition> alertHistory(
            String tenantId, Instant from, Instant to) {
        enter();
        return history.getOrDefault(tenantId, List.of()).stream()
                .filter(t -> !t.at().isBefore(from) && t.at().isBefore(to))
                .toList();
    }

    @Override
    public synchronized List<FollowUp> followUps(String tenantId) {
        enter();
        return followUps.values().stream().filter(f -> f.tenantId().equals(tenantId)).toList();
    }
}
