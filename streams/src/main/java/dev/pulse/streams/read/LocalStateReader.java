package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.state.ActiveCopies;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Reads this instance's own stores (interactive queries). Only correct for tenants this instance
 * owns; {@link RoutingStateReader} decides that, and reads in the partition it already resolved
 * ({@link #in(int)}). The account directory is global, so every instance answers it locally, from a
 * snapshot refreshed at most once a second.
 */
public final class LocalStateReader implements TenantStateReader {
    private static final Duration DIRECTORY_TTL = Duration.ofSeconds(1);

    private final LocalStores stores;
    private final TenantLocator locator;
    private final ChangelogLags lags;
    private final RefreshingSnapshot<AccountDirectory> directory =
            new RefreshingSnapshot<>(DIRECTORY_TTL, this::loadDirectory);

    /** Every read from the stores. */
    public LocalStateReader(KafkaStreams streams) {
        this(streams, new ActiveCopies<>());
    }

    /** Current scores from {@code currentScores} where it holds their partition. */
    public LocalStateReader(KafkaStreams streams, ActiveCopies<HealthScore> currentScores) {
        this(new LocalStores(streams, currentScores), new TenantLocator(streams), null);
    }

    private LocalStateReader(LocalStores stores, TenantLocator locator, ChangelogLags lags) {
        this.stores = stores;
        this.locator = locator;
        this.lags = lags;
    }

    /**
     * The same reads of this instance's copies too: standby and restoring ones, the answers a
     * failover serves while the owner is gone. Every tenant read notes the copy's changelog lag in
     * {@link ReadFreshness}, so the answer says it may be stale.
     */
    @Override
    public LocalStateReader copies() {
        return new LocalStateReader(stores.copies(), locator, new ChangelogLags(stores.streams()));
    }

    /** Reads of the tenants in {@code partition} of the tenant stores. */
    LocalPartitionReader in(int partition) {
        if (lags != null) {
            ReadFreshness.readFromCopy(lags.of(partition));
        }
        return new LocalPartitionReader(stores, partition);
    }

    private LocalPartitionReader partitionOf(String tenantId) {
        return in(locator.locate(tenantId).partition());
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        return Optional.ofNullable(
                partitionOf(tenantId).currentScores(List.of(tenantId)).get(tenantId));
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        return inOrder(tenantIds, currentScores(byPartition(tenantIds))::get);
    }

    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        return inOrder(tenantIds, journeys(byPartition(tenantIds))::get);
    }

    private Map<Integer, List<String>> byPartition(Collection<String> tenantIds) {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        for (String tenant : tenantIds) {
            byPartition
                    .computeIfAbsent(locator.locate(tenant).partition(), p -> new ArrayList<>())
                    .add(tenant);
        }
        return byPartition;
    }

    /** Journey states of tenants already grouped by the partition that holds them. */
    Map<String, JourneyState> journeys(Map<Integer, List<String>> tenantsByPartition) {
        Map<String, JourneyState> result = new HashMap<>();
        tenantsByPartition.forEach(
                (partition, tenants) -> result.putAll(in(partition).journeys(tenants)));
        return result;
    }

    /**
     * Current scores of tenants already grouped by the partition that holds them, one store read
     * per tenant in its own partition's store.
     */
    Map<String, HealthScore> currentScores(Map<Integer, List<String>> tenantsByPartition) {
        Map<String, HealthScore> result = new HashMap<>();
        tenantsByPartition.forEach(
                (partition, tenants) -> result.putAll(in(partition).currentScores(tenants)));
        return result;
    }

    /** The values {@code lookup} has for {@code tenantIds}, in their order; none: absent. */
    static <V> Map<String, V> inOrder(Collection<String> tenantIds, Function<String, V> lookup) {
        Map<String, V> result = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            V value = lookup.apply(tenant);
            if (value != null) {
                result.put(tenant, value);
            }
        }
        return result;
    }

    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        return funnelDays(byPartition(tenantIds), from, to);
    }

    /** Funnel days of tenants already grouped by the partition that holds them. */
    Map<String, List<FunnelDay>> funnelDays(
            Map<Integer, List<String>> tenantsByPartition, Instant from, Instant to) {
        Map<String, List<FunnelDay>> result = new HashMap<>();
        tenantsByPartition.forEach(
                (partition, tenants) -> result.putAll(in(partition).funnelDays(tenants, from, to)));
        return result;
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return partitionOf(tenantId).dailyScores(tenantId, from, to);
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        return partitionOf(tenantId).engagement(tenantId, granularity, from, to);
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return partitionOf(tenantId).engagementTotals(tenantId, from, to);
    }

    @Override
    public List<EngagementTotals> engagementTotalsSince(
            String tenantId, List<Instant> froms, Instant to) {
        return partitionOf(tenantId).engagementTotals(tenantId, froms, to);
    }

    @Override
    public Optional<Account> account(String tenantId) {
        return Optional.ofNullable(
                stores.read(
                        PulseStores.ACCOUNTS,
                        QueryableStoreTypes.<String, Account>keyValueStore(),
                        null,
                        store -> store.get(tenantId)));
    }

    @Override
    public List<Account> accounts() {
        return directory.get().accounts();
    }

    @Override
    public List<Account> accountsOwnedBy(Collection<String> owners) {
        return directory.get().ownedBy(owners);
    }

    private AccountDirectory loadDirectory() {
        List<Account> accounts =
                stores.read(
                        PulseStores.ACCOUNTS,
                        QueryableStoreTypes.<String, Account>keyValueStore(),
                        null,
                        store -> {
                            List<Account> all = new ArrayList<>();
                            try (KeyValueIterator<String, Account> it = store.all()) {
                                it.forEachRemaining(kv -> all.add(kv.value));
                            }
                            return all;
                        });
        return new AccountDirectory(accounts);
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        return partitionOf(tenantId).alerts(tenantId);
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        return partitionOf(tenantId).alert(tenantId, ruleId);
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return partitionOf(tenantId).alertHistory(tenantId, from, to);
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        return partitionOf(tenantId).followUps(tenantId);
    }
}
