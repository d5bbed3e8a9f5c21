package dev.pulse.streams.read;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.HealthScore;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends each tenant read to the instance Kafka Streams says owns the tenant: this one (local
 * stores) or another (its internal HTTP routes). All tenant stores are co-partitioned by tenant id,
 * so the owner of the score store owns every store of that tenant.
 */
public final class RoutingStateReader implements TenantStateReader {
    private static final Serializer<String> KEY = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStateReader local;
    private final RemoteStateClient remote;

    public RoutingStateReader(
            KafkaStreams streams, HostInfo self, LocalStateReader local, RemoteStateClient remote) {
        this.streams = streams;
        this.self = self;
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
        Map<Integer, List<String>> localByPartition = new HashMap<>();
        Map<HostInfo, List<String>> remoteByOwner = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            KeyQueryMetadata metadata = metadata(tenant);
            if (self.equals(metadata.activeHost())) {
                localByPartition
                        .computeIfAbsent(metadata.partition(), p -> new ArrayList<>())
                        .add(tenant);
            } else {
                remoteByOwner
                        .computeIfAbsent(metadata.activeHost(), h -> new ArrayList<>())
                        .add(tenant);
            }
        }
        Map<String, HealthScore> found =
                localByPartition.isEmpty()
                        ? new HashMap<>()
                        : local.currentScores(localByPartition);
        remoteByOwner.forEach((host, tenants) -> found.putAll(remote.currentScores(host, tenants)));
        return LocalStateReader.inOrder(tenantIds, found);
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        HostInfo owner = owner(tenantId);
        return self.equals(owner)
                ? local.dailyScores(tenantId, from, to)
                : remote.dailyScores(owner, tenantId, from, to);
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        HostInfo owner = owner(tenantId);
        return self.equals(owner)
                ? local.engagement(tenantId, granularity, from, to)
                : remote.engagement(owner, tenantId, granularity, from, to);
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        KeyQueryMetadata metadata = metadata(tenantId);
        return self.equals(metadata.activeHost())
                ? local.engagementTotals(tenantId, metadata.partition(), from, to)
                : remote.engagementTotals(metadata.activeHost(), tenantId, from, to);
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
        HostInfo owner = owner(tenantId);
        return self.equals(owner) ? local.alerts(tenantId) : remote.alerts(owner, tenantId);
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        HostInfo owner = owner(tenantId);
        return self.equals(owner)
                ? local.alertHistory(tenantId, from, to)
                : remote.alertHistory(owner, tenantId, from, to);
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        HostInfo owner = owner(tenantId);
        return self.equals(owner) ? local.followUps(tenantId) : remote.followUps(owner, tenantId);
    }

    private HostInfo owner(String tenant) {
        return metadata(tenant).activeHost();
    }

    private KeyQueryMetadata metadata(String tenant) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(PulseStores.HEALTH_SCORES, tenant, KEY);
        } catch (IllegalStateException e) {
            throw rebalancing(e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw rebalancing(null);
        }
        return metadata;
    }

    private StateUnavailableException rebalancing(Throwable cause) {
        return new StateUnavailableException(
                "tenant ownership is being (re)assigned (" + streams.state() + "); retry shortly",
                Duration.ofSeconds(1),
                cause);
    }
}
