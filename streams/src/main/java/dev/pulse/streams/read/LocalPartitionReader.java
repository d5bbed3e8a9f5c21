package dev.pulse.streams.read;

import dev.pulse.streams.read.TenantStateReader.Granularity;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads of the tenants in one partition of this instance's tenant stores, the partition {@link
 * TenantLocator} named: each read opens that partition's store only, not a composite that tries
 * every partition in turn.
 */
final class LocalPartitionReader {
    private static final Serializer<String> KEY = Serdes.String().serializer();

    private final LocalStores stores;
    private final int partition;

    LocalPartitionReader(LocalStores stores, int partition) {
        this.stores = stores;
        this.partition = partition;
    }

    /**
     * Current scores of tenants of this partition; tenants without a score are absent. From the
     * scoring's decoded copy while the partition's active task runs here, else from the store.
     */
    Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        Map<String, HealthScore> decoded = stores.currentScores(partition);
        if (decoded != null) {
            return LocalStateReader.inOrder(tenantIds, decoded::get);
        }
        return stores.read(
                PulseStores.HEALTH_SCORES,
                new OnePartitionKeyValueStore<String, HealthScore>(),
                partition,
                store -> LocalStateReader.inOrder(tenantIds, store::get));
    }

    /** Journey states of tenants of this partition; tenants without one are absent. */
    Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        return stores.read(
                PulseStores.JOURNEYS,
                new OnePartitionKeyValueStore<String, JourneyState>(),
                partition,
                store -> LocalStateReader.inOrder(tenantIds, store::get));
    }

    List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return fetch(
                PulseStores.HEALTH_SCORE_DAILY,
                tenantId,
                from,
                to,
                (Instant at, HealthScore score) -> score);
    }

    List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        String name =
                granularity == Granularity.HOUR
                        ? PulseStores.ENGAGEMENT_HOURLY
                        : PulseStores.ENGAGEMENT_DAILY;
        return fetch(
                name,
                tenantId,
                from,
                to,
                (Instant at, EngagementBucket b) ->
                        new EngagementPoint(
                                at, b.events(), b.activeUsers(), b.byType(), b.features()));
    }

    /** Engagement summed over {@code [from, to)} by day; active users are distinct over it. */
    EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return engagementTotals(tenantId, List.of(from), to).get(0);
    }

    /**
     * {@link #engagementTotals} for each of {@code froms}, from one fetch of the longest range: the
     * account view's 7 and 30 days cost one window fetch, not two.
     */
    List<EngagementTotals> engagementTotals(String tenantId, List<Instant> froms, Instant to) {
        Instant earliest = froms.stream().min(Comparator.naturalOrder()).orElse(to);
        List<Day> days = fetch(PulseStores.ENGAGEMENT_DAILY, tenantId, earliest, to, Day::new);
        List<EngagementTotals> totals = new ArrayList<>(froms.size());
        for (Instant from : froms) {
            totals.add(
                    totals(
                            days.stream()
                                    .filter(day -> !day.start().isBefore(from))
                                    .map(Day::bucket)
                                    .toList()));
        }
        return totals;
    }

    private static EngagementTotals totals(List<EngagementBucket> days) {
        long events = 0;
        long activeDays = 0;
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> features = new TreeMap<>();
        for (EngagementBucket day : days) {
            events += day.events();
            activeDays += day.events() > 0 ? 1 : 0;
            day.byType().forEach((k, v) -> byType.merge(k, v, Long::sum));
            day.features().forEach((k, v) -> features.merge(k, v, Long::sum));
        }
        return new EngagementTotals(
                events, EngagementBucket.distinctUsers(days), activeDays, byType, features);
    }

    /** One day's bucket with the start of its day. */
    private record Day(Instant start, EngagementBucket bucket) {}

    /**
     * Funnel days of tenants of this partition, one open of the {@code funnel-daily} store for all
     * of them; tenants without any are absent.
     */
    Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return Map.of();
        }
        return stores.read(
                PulseStores.FUNNEL_DAILY,
                QueryableStoreTypes.<String, FunnelDay>windowStore(),
                partition,
                (ReadOnlyWindowStore<String, FunnelDay> store) -> {
                    Map<String, List<FunnelDay>> result = new HashMap<>();
                    for (String tenant : tenantIds) {
                        List<FunnelDay> days = new ArrayList<>();
                        try (WindowStoreIterator<FunnelDay> it =
                                store.fetch(tenant, from, to.minusMillis(1))) {
                            it.forEachRemaining(
                                    kv -> {
                                        if (kv.value != null) {
                                            days.add(kv.value);
                                        }
                                    });
                        }
                        if (!days.isEmpty()) {
                            result.put(tenant, days);
                        }
                    }
                    return result;
                });
    }

    /** A prefix scan of the {@code alerts} store: its keys are {@code tenant/rule}. */
    List<Alert> alerts(String tenantId) {
        return withPrefix(PulseStores.ALERTS, tenantId);
    }

    /** A point read of the {@code alerts} store, at key {@link Alert#id}. */
    Optional<Alert> alert(String tenantId, String ruleId) {
        return Optional.ofNullable(
                stores.read(
                        PulseStores.ALERTS,
                        QueryableStoreTypes.<String, Alert>keyValueStore(),
                        partition,
                        store -> store.get(Alert.id(tenantId, ruleId))));
    }

    /**
     * A fetch from the {@code alert-history} window store: keyed by tenant, each window starting at
     * the event time of one change, duplicates kept (several rules change at one day's end).
     */
    List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return fetch(PulseStores.ALERT_HISTORY, tenantId, from, to, AlertTransition::of);
    }

    /** A prefix scan of the {@code follow-ups} store: its keys are {@code tenant/followUpId}. */
    List<FollowUp> followUps(String tenantId) {
        return withPrefix(PulseStores.FOLLOW_UPS, tenantId);
    }

    /** The tenant's windows of store {@code name} starting in {@code [from, to)}, oldest first. */
    private <V, T> List<T> fetch(
            String name,
            String tenantId,
            Instant from,
            Instant to,
            BiFunction<Instant, V, T> window) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return stores.read(
                name,
                QueryableStoreTypes.<String, V>windowStore(),
                partition,
                (ReadOnlyWindowStore<String, V> store) -> {
                    List<T> result = new ArrayList<>();
                    try (WindowStoreIterator<V> it =
                            store.fetch(tenantId, from, to.minusMillis(1))) {
                        while (it.hasNext()) {
                            KeyValue<Long, V> kv = it.next();
                            if (kv.value != null) {
                                result.add(window.apply(Instant.ofEpochMilli(kv.key), kv.value));
                            }
                        }
                    }
                    return result;
                });
    }

    /** The values of store {@code name} whose keys are {@code tenant/…}. */
    private <V> List<V> withPrefix(String name, String tenantId) {
        return stores.read(
                name,
                QueryableStoreTypes.<String, V>keyValueStore(),
                partition,
                (ReadOnlyKeyValueStore<String, V> store) -> {
                    List<V> result = new ArrayList<>();
                    try (KeyValueIterator<String, V> it = store.prefixScan(tenantId + "/", KEY)) {
                        it.forEachRemaining(kv -> result.add(kv.value));
                    }
                    return result;
                });
    }
}
