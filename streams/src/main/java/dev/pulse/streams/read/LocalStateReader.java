package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads this instance's own stores (interactive queries). Only correct for tenants this instance
 * owns; {@link RoutingStateReader} decides that. The account directory is global, so every instance
 * answers it locally, from a snapshot refreshed at most once a second.
 */
public final class LocalStateReader implements TenantStateReader {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Serializer<String> KEY = Serdes.String().serializer();
    private static final long DIRECTORY_TTL_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * Scores (about 2 KiB each with their JSON) and accounts (under 1 KiB) remembered decoded:
     * 10,000 tenants fit.
     */
    private static final int DECODED_SCORES = 16_384;

    private final KafkaStreams streams;
    private final DecodingKeyValueReader<HealthScore> scoreBytes;
    private final DecodingKeyValueReader<Account> accountBytes;
    private volatile DirectorySnapshot directory;

    private record DirectorySnapshot(long takenAtNanos, List<Account> accounts) {}

    public LocalStateReader(KafkaStreams streams) {
        this.streams = streams;
        this.scoreBytes =
                new DecodingKeyValueReader<>(
                        streams,
                        PulseStores.HEALTH_SCORES,
                        LocalStateReader::shareable,
                        DECODED_SCORES);
        this.accountBytes =
                new DecodingKeyValueReader<>(
                        streams, PulseStores.ACCOUNTS, account -> account, DECODED_SCORES);
    }

    /** The score with its one mutable part, the list of contributions, made read-only. */
    private static HealthScore shareable(HealthScore score) {
        return score.contributions() == null
                ? score
                : new HealthScore(
                        score.tenantId(),
                        score.score(),
                        score.band(),
                        score.modelVersion(),
                        score.asOf(),
                        score.delta7d(),
                        score.delta30d(),
                        Collections.unmodifiableList(score.contributions()),
                        score.topReason(),
                        score.firstEventAt(),
                        score.lastEventAt(),
                        score.risk());
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        return Optional.ofNullable(
                currentScores(Map.of(partitionOf(tenantId), List.of(tenantId))).get(tenantId));
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        for (String tenant : tenantIds) {
            byPartition.computeIfAbsent(partitionOf(tenant), p -> new ArrayList<>()).add(tenant);
        }
        return inOrder(tenantIds, currentScores(byPartition));
    }

    /**
     * Current scores of tenants already grouped by the partition that holds them (as {@link
     * KeyQueryMetadata#partition()} says), one store read per tenant in its own partition's store
     * instead of a search through every partition's.
     */
    Map<String, HealthScore> currentScores(Map<Integer, List<String>> tenantsByPartition) {
        Map<String, HealthScore> result = new HashMap<>();
        tenantsByPartition.forEach(
                (partition, tenants) ->
                        read(
                                () -> {
                                    Map<String, HealthScore> decoded =
                                            scoreBytes.read(partition, tenants);
                                    if (decoded != null) {
                                        result.putAll(decoded);
                                        return null;
                                    }
                                    ReadOnlyKeyValueStore<String, HealthScore> store =
                                            scores(partition);
                                    for (String tenant : tenants) {
                                        HealthScore score = store.get(tenant);
                                        if (score != null) {
                                            result.put(tenant, score);
                                        }
                                    }
                                    return null;
                                }));
        return result;
    }

    /** {@code found} in the order of {@code tenantIds}. */
    static Map<String, HealthScore> inOrder(
            Collection<String> tenantIds, Map<String, HealthScore> found) {
        Map<String, HealthScore> result = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            HealthScore score = found.get(tenant);
            if (score != null) {
                result.put(tenant, score);
            }
        }
        return result;
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        ReadOnlyWindowStore<String, HealthScore> store =
                store(PulseStores.HEALTH_SCORE_DAILY, QueryableStoreTypes.windowStore());
        List<HealthScore> result = new ArrayList<>();
        try (WindowStoreIterator<HealthScore> it = store.fetch(tenantId, from, lastMilli(to))) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        List<EngagementPoint> result = new ArrayList<>();
        for (KeyValue<Long, EngagementBucket> kv :
                buckets(tenantId, partitionOf(tenantId), granularity, from, to)) {
            EngagementBucket b = kv.value;
            result.add(
                    new EngagementPoint(
                            Instant.ofEpochMilli(kv.key),
                            b.events(),
                            b.activeUsers(),
                            b.byType(),
                            b.features()));
        }
        return result;
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return engagementTotals(tenantId, partitionOf(tenantId), from, to);
    }

    /** As {@link #engagementTotals(String, Instant, Instant)}, in the given partition's store. */
    EngagementTotals engagementTotals(String tenantId, int partition, Instant from, Instant to) {
        long events = 0;
        long activeDays = 0;
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> features = new TreeMap<>();
        List<EngagementBucket> days = new ArrayList<>();
        for (KeyValue<Long, EngagementBucket> kv :
                buckets(tenantId, partition, Granularity.DAY, from, to)) {
            EngagementBucket day = kv.value;
            days.add(day);
            events += day.events();
            activeDays += day.events() > 0 ? 1 : 0;
            day.byType().forEach((k, v) -> byType.merge(k, v, Long::sum));
            day.features().forEach((k, v) -> features.merge(k, v, Long::sum));
        }
        return new EngagementTotals(
                events, EngagementBucket.distinctUsers(days), activeDays, byType, features);
    }

    @Override
    public Optional<Account> account(String tenantId) {
        return Optional.ofNullable(
                read(
                        () -> {
                            Map<String, Account> decoded =
                                    accountBytes.read(null, List.of(tenantId));
                            return decoded != null
                                    ? decoded.get(tenantId)
                                    : accountStore().get(tenantId);
                        }));
    }

    @Override
    public List<Account> accounts() {
        DirectorySnapshot snapshot = directory;
        if (snapshot == null || System.nanoTime() - snapshot.takenAtNanos > DIRECTORY_TTL_NANOS) {
            List<Account> accounts = new ArrayList<>();
            try (KeyValueIterator<String, Account> it = accountStore().all()) {
                it.forEachRemaining(kv -> accounts.add(kv.value));
            }
            snapshot = new DirectorySnapshot(System.nanoTime(), List.copyOf(accounts));
            directory = snapshot;
        }
        return snapshot.accounts;
    }

    /** A prefix scan of the {@code alerts} store: its keys are {@code tenant/rule}. */
    @Override
    public List<Alert> alerts(String tenantId) {
        ReadOnlyKeyValueStore<String, Alert> store =
                store(PulseStores.ALERTS, QueryableStoreTypes.keyValueStore());
        List<Alert> result = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it =
                store.prefixScan(tenantId + "/", Serdes.String().serializer())) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    /**
     * A fetch from the {@code alert-history} window store: keyed by tenant, each window starting at
     * the event time of one change, duplicates kept (several rules change at one day's end).
     */
    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        int partition = partitionOf(tenantId);
        return read(
                () -> {
                    ReadOnlyWindowStore<String, Alert> store =
                            store(
                                    PulseStores.ALERT_HISTORY,
                                    QueryableStoreTypes.windowStore(),
                                    partition);
                    List<AlertTransition> result = new ArrayList<>();
                    try (WindowStoreIterator<Alert> it =
                            store.fetch(tenantId, from, lastMilli(to))) {
                        while (it.hasNext()) {
                            KeyValue<Long, Alert> change = it.next();
                            if (change.value != null) {
                                result.add(
                                        AlertTransition.of(
                                                Instant.ofEpochMilli(change.key), change.value));
                            }
                        }
                    }
                    return result;
                });
    }

    /** A prefix scan of the {@code follow-ups} store: its keys are {@code tenant/followUpId}. */
    @Override
    public List<FollowUp> followUps(String tenantId) {
        ReadOnlyKeyValueStore<String, FollowUp> store =
                store(PulseStores.FOLLOW_UPS, QueryableStoreTypes.keyValueStore());
        List<FollowUp> result = new ArrayList<>();
        try (KeyValueIterator<String, FollowUp> it =
                store.prefixScan(tenantId + "/", Serdes.String().serializer())) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    private List<KeyValue<Long, EngagementBucket>> buckets(
            String tenantId, int partition, Granularity granularity, Instant from, Instant to) {
        String name =
                granularity == Granularity.HOUR
                        ? PulseStores.ENGAGEMENT_HOURLY
                        : PulseStores.ENGAGEMENT_DAILY;
        return read(
                () -> {
                    ReadOnlyWindowStore<String, EngagementBucket> store =
                            store(name, QueryableStoreTypes.windowStore(), partition);
                    List<KeyValue<Long, EngagementBucket>> result = new ArrayList<>();
                    try (WindowStoreIterator<EngagementBucket> it =
                            store.fetch(tenantId, from, lastMilli(to))) {
                        it.forEachRemaining(result::add);
                    }
                    return result;
                });
    }

    private ReadOnlyKeyValueStore<String, HealthScore> scores(int partition) {
        return store(PulseStores.HEALTH_SCORES, QueryableStoreTypes.keyValueStore(), partition);
    }

    /**
     * The partition of the tenant stores that holds {@code tenantId}. All tenant stores are
     * co-partitioned by tenant id (one sub-topology), so the score store's answer holds for all.
     */
    int partitionOf(String tenantId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(PulseStores.HEALTH_SCORES, tenantId, KEY);
        } catch (IllegalStateException e) {
            throw unavailable(e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw unavailable(null);
        }
        return metadata.partition();
    }

    /**
     * One partition's store. The handle finds the partition's store again on every read and throws
     * {@link InvalidStateStoreException} when this instance no longer holds it as an active task
     * (or its thread is not running): {@link #read} turns that into 503, never a stale answer.
     */
    private <T> T store(String name, QueryableStoreType<T> type, int partition) {
        return streams.store(
                StoreQueryParameters.fromNameAndType(name, type).withPartition(partition));
    }

    private <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private StateUnavailableException unavailable(Throwable cause) {
        return new StateUnavailableException(
                "state is not queryable right now (" + streams.state() + "); retry shortly",
                RETRY_AFTER,
                cause);
    }

    private ReadOnlyKeyValueStore<String, Account> accountStore() {
        return store(PulseStores.ACCOUNTS, QueryableStoreTypes.keyValueStore());
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private static Instant lastMilli(Instant exclusiveEnd) {
        return exclusiveEnd.minusMillis(1);
    }
}
