package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends each tenant read to the instance Kafka Streams says owns the tenant: this one (local
 * stores) or another (its internal HTTP routes). All tenant stores are co-partitioned by tenant id,
 * so the owner of the score store owns every store of that tenant. The owner and partition are
 * looked up once per tenant per read; a local read opens that partition's store directly.
 */
public final class RoutingStateReader implements TenantStateReader {
    private final HostInfo self;
    private final TenantLocator locator;
    private final LocalStateReader local;
    private final RemoteStateClient remote;

    public RoutingStateReader(
            KafkaStreams streams, HostInfo self, LocalStateReader local, RemoteStateClient remote) {
        this.self = self;
        this.locator = new TenantLocator(streams);
        this.local = local;
        this.remote = remote;
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        return Optional.ofNullable(currentScores(List.of(tenantId)).get(tenantId));
    }

    /**
     * Local tenants are read in their own partition's store, grouped by partition; the others in
     * one call per owning instance. The map follows the order of {@code tenantIds}.
     */
    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        return batch(tenantIds, local::currentScores, remote::currentScores);
    }

    /** Like {@link #currentScores}: local tenants by partition, the others per owning instance. */
    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        return batch(tenantIds, local::journeys, remote::journeys);
    }

    /** As {@link #currentScores}: local tenants by partition, the others one call per owner. */
    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        return batch(
                tenantIds,
                byPartition -> local.funnelDays(byPartition, from, to),
                (host, tenants) -> remote.funnelDays(host, tenants, from, to));
    }

    /** A batch read of many tenants: one local read per partition, one call per other owner. */
    private <V> Map<String, V> batch(
            Collection<String> tenantIds,
            Function<Map<Integer, List<String>>, Map<String, V>> readHere,
            BiFunction<HostInfo, List<String>, Map<String, V>> readOnOwner) {
        Map<Integer, List<String>> localByPartition = new HashMap<>();
        Map<HostInfo, List<String>> remoteByOwner = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            KeyQueryMetadata where = locator.locate(tenant);
            if (self.equals(where.activeHost())) {
                localByPartition
                        .computeIfAbsent(where.partition(), p -> new ArrayList<>())
                        .add(tenant);
            } else {
                remoteByOwner
                        .computeIfAbsent(where.activeHost(), h -> new ArrayList<>())
                        .add(tenant);
            }
        }
        Map<String, V> found = new HashMap<>(readHere.apply(localByPartition));
        remoteByOwner.forEach((host, tenants) -> found.putAll(readOnOwner.apply(host, tenants)));
        return LocalStateReader.inOrder(tenantIds, found::get);
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.dailyScores(tenantId, from, to),
                owner -> remote.dailyScores(owner, tenantId, from, to));
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.engagement(tenantId, granularity, from, to),
                owner -> remote.engagement(owner, tenantId, granularity, from, to));
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.engagementTotals(tenantId, from, to),
                owner -> remote.engagementTotals(owner, tenantId, from, to));
    }

    @Override
    public Optional<Account> account(String tenantId) {
        return local.account(tenantId);
    }

    @Override
    public List<Account> accounts() {
        return local.accounts();
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        return route(
                tenantId, here -> here.alerts(tenantId), owner -> remote.alerts(owner, tenantId));
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        return route(
                tenantId,
                here -> here.alert(tenantId, ruleId),
                owner -> remote.alert(owner, tenantId, ruleId));
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.alertHistory(tenantId, from, to),
                owner -> remote.alertHistory(owner, tenantId, from, to));
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        return route(
                tenantId,
                here -> here.followUps(tenantId),
                owner -> remote.followUps(owner, tenantId));
    }

    /** {@code readHere} in the tenant's partition of this instance, or {@code readOnOwner}. */
    private <T> T route(
            String tenantId,
            Function<LocalPartitionReader, T> readHere,
            Function<HostInfo, T> readOnOwner) {
        KeyQueryMetadata where = locator.locate(tenantId);
        return self.equals(where.activeHost())
                ? readHere.apply(local.in(where.partition()))
                : readOnOwner.apply(where.activeHost());
    }
}
