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
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends each tenant read to the instance Kafka Streams says owns the tenant: this one (local
 * stores) or another (its internal HTTP routes). All tenant stores are co-partitioned by tenant id,
 * so the owner of the score store owns every store of that tenant. The owner and partition are
 * looked up once per tenant per read; a local read opens that partition's store directly.
 *
 * <p>When the owner cannot answer (killed, restoring, rebalancing), the read falls back to a copy
 * of the partition, likely freshest first: this instance's standby, each other standby Kafka
 * Streams names, and last this instance's own copy of a partition it is still restoring (for a read
 * of one tenant, only when that restore is not from scratch). Such an answer may be stale; {@link
 * ReadFreshness} records by how much, and the API says so in the answer. Only when no copy answers
 * either does the read fail (503).
 */
public final class RoutingStateReader implements TenantStateReader {
    private final HostInfo self;
    private final TenantLocator locator;
    private final LocalStateReader local;
    private final LocalStateReader localCopies;
    private final RemoteStateClient remote;
    private final RemoteStateClient remoteCopies;
    private final IntPredicate ownCopyFarBehind;

    /**
     * @param ownCopyFarBehind whether this instance restores the given partition from far behind
     *     (lost or wiped state), when its own copy must not answer for one tenant
     */
    public RoutingStateReader(
            KafkaStreams streams,
            HostInfo self,
            LocalStateReader local,
            RemoteStateClient remote,
            IntPredicate ownCopyFarBehind) {
        this.self = self;
        this.ownCopyFarBehind = ownCopyFarBehind;
        this.locator = new TenantLocator(streams);
        this.local = local;
        this.localCopies = local.copies();
        this.remote = remote;
        this.remoteCopies = remote.copies();
    }

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        // One tenant: a copy without it may just be behind, so that is not taken as "unknown".
        return Optional.ofNullable(
                batch(
                                List.of(tenantId),
                                LocalStateReader::currentScores,
                                RemoteStateClient::currentScores,
                                CopyAnswers.WHOLE_OR_UNAVAILABLE)
                        .get(tenantId));
    }

    /**
     * Local tenants are read in their own partition's store, partition by partition; the others in
     * one call per owning instance. The map follows the order of {@code tenantIds}.
     */
    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        return batch(
                tenantIds,
                LocalStateReader::currentScores,
                RemoteStateClient::currentScores,
                CopyAnswers.BEST_AVAILABLE);
    }

    /** Like {@link #currentScores}: local tenants by partition, the others per owning instance. */
    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        return batch(
                tenantIds,
                LocalStateReader::journeys,
                RemoteStateClient::journeys,
                CopyAnswers.BEST_AVAILABLE);
    }

    /** As {@link #currentScores}: local tenants by partition, the others one call per owner. */
    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        return batch(
                tenantIds,
                (reader, byPartition) -> reader.funnelDays(byPartition, from, to),
                (client, host, tenants) -> client.funnelDays(host, tenants, from, to),
                CopyAnswers.BEST_AVAILABLE);
    }

    /**
     * What to do when no copy holds every tenant asked for (a copy may be behind, or still
     * restoring from scratch): a batch (the portfolio) takes the copy's partial answer, in which a
     * tenant without data yet is simply absent; a read of one tenant answers 503 rather than call a
     * tenant the copy has not reached yet unknown.
     */
    private enum CopyAnswers {
        BEST_AVAILABLE,
        WHOLE_OR_UNAVAILABLE
    }

    /** A batch read on this instance: of the tenants grouped by partition. */
    private interface ReadHere<V> {
        Map<String, V> read(LocalStateReader reader, Map<Integer, List<String>> byPartition);
    }

    /** A batch read on another instance: one call for all its tenants. */
    private interface ReadThere<V> {
        Map<String, V> read(RemoteStateClient client, HostInfo host, List<String> tenants);
    }

    /** Where one partition lives and the tenants of the request in it. */
    private record Placement(KeyQueryMetadata where, List<String> tenants) {
        Map<Integer, List<String>> byPartition() {
            return Map.of(where.partition(), tenants);
        }
    }

    /**
     * A batch read of many tenants: one local read per partition, one call per other owner; a
     * partition whose owner fails is read from a copy.
     */
    private <V> Map<String, V> batch(
            Collection<String> tenantIds,
            ReadHere<V> readHere,
            ReadThere<V> readThere,
            CopyAnswers partial) {
        Map<Integer, Placement> byPartition = new LinkedHashMap<>();
        for (String tenant : tenantIds) {
            KeyQueryMetadata where = locator.locate(tenant);
            byPartition
                    .computeIfAbsent(
                            where.partition(), p -> new Placement(where, new ArrayList<>()))
                    .tenants()
                    .add(tenant);
        }
        Map<String, V> found = new HashMap<>();
        Map<HostInfo, List<Placement>> remoteByOwner = new LinkedHashMap<>();
        for (Placement placement : byPartition.values()) {
            if (self.equals(placement.where().activeHost())) {
                found.putAll(
                        orFromCopy(
                                placement.where(),
                                () -> readHere.read(local, placement.byPartition()),
                                () -> readHere.read(localCopies, placement.byPartition()),
                                host -> readThere.read(remoteCopies, host, placement.tenants()),
                                holdsAll(placement.tenants()),
                                partial));
            } else {
                remoteByOwner
                        .computeIfAbsent(placement.where().activeHost(), h -> new ArrayList<>())
                        .add(placement);
            }
        }
        remoteByOwner.forEach(
                (owner, placements) -> {
                    List<String> tenants = new ArrayList<>();
                    placements.forEach(placement -> tenants.addAll(placement.tenants()));
                    try {
                        found.putAll(readThere.read(remote, owner, tenants));
                    } catch (StateUnavailableException ownerUnavailable) {
                        for (Placement placement : placements) {
                            found.putAll(
                                    fromCopy(
                                            placement.where(),
                                            ownerUnavailable,
                                            () ->
                                                    readHere.read(
                                                            localCopies, placement.byPartition()),
                                            host ->
                                                    readThere.read(
                                                            remoteCopies,
                                                            host,
                                                            placement.tenants()),
                                            holdsAll(placement.tenants()),
                                            partial));
                        }
                    }
                });
        return LocalStateReader.inOrder(tenantIds, found::get);
    }

    private static <V> Predicate<Map<String, V>> holdsAll(List<String> tenants) {
        return answer -> answer.keySet().containsAll(tenants);
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.dailyScores(tenantId, from, to),
                (client, host) -> client.dailyScores(host, tenantId, from, to));
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.engagement(tenantId, granularity, from, to),
                (client, host) -> client.engagement(host, tenantId, granularity, from, to));
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.engagementTotals(tenantId, from, to),
                (client, host) -> client.engagementTotals(host, tenantId, from, to));
    }

    /** Here, from one fetch; from another instance, one request per range. */
    @Override
    public List<EngagementTotals> engagementTotalsSince(
            String tenantId, List<Instant> froms, Instant to) {
        return route(
                tenantId,
                here -> here.engagementTotals(tenantId, froms, to),
                (client, host) ->
                        froms.stream()
                                .map(from -> client.engagementTotals(host, tenantId, from, to))
                                .toList());
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
    public List<Account> accountsOwnedBy(Collection<String> owners) {
        return local.accountsOwnedBy(owners);
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        return route(
                tenantId,
                here -> here.alerts(tenantId),
                (client, host) -> client.alerts(host, tenantId));
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        return route(
                tenantId,
                here -> here.alert(tenantId, ruleId),
                (client, host) -> client.alert(host, tenantId, ruleId),
                Optional::isPresent);
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return route(
                tenantId,
                here -> here.alertHistory(tenantId, from, to),
                (client, host) -> client.alertHistory(host, tenantId, from, to));
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        return route(
                tenantId,
                here -> here.followUps(tenantId),
                (client, host) -> client.followUps(host, tenantId));
    }

    /**
     * {@code readHere} in the tenant's partition of this instance when it owns the tenant, else
     * {@code readThere} on the owner; a copy of the partition when the owner cannot answer.
     */
    private <T> T route(
            String tenantId,
            Function<LocalPartitionReader, T> readHere,
            BiFunction<RemoteStateClient, HostInfo, T> readThere) {
        return route(tenantId, readHere, readThere, answer -> true);
    }

    /** As above; a copy's answer that fails {@code whole} does not count as an answer. */
    private <T> T route(
            String tenantId,
            Function<LocalPartitionReader, T> readHere,
            BiFunction<RemoteStateClient, HostInfo, T> readThere,
            Predicate<T> whole) {
        KeyQueryMetadata where = locator.locate(tenantId);
        Supplier<T> fromOwner =
                self.equals(where.activeHost())
                        ? () -> readHere.apply(local.in(where.partition()))
                        : () -> readThere.apply(remote, where.activeHost());
        return orFromCopy(
                where,
                fromOwner,
                () -> readHere.apply(localCopies.in(where.partition())),
                host -> readThere.apply(remoteCopies, host),
                whole,
                CopyAnswers.WHOLE_OR_UNAVAILABLE);
    }

    private <T> T orFromCopy(
            KeyQueryMetadata where,
            Supplier<T> fromOwner,
            Supplier<T> fromCopyHere,
            Function<HostInfo, T> fromCopyThere,
            Predicate<T> whole,
            CopyAnswers partial) {
        try {
            return fromOwner.get();
        } catch (StateUnavailableException ownerUnavailable) {
            return fromCopy(where, ownerUnavailable, fromCopyHere, fromCopyThere, whole, partial);
        }
    }

    /**
     * The first copy of the partition whose answer is {@code whole}, in {@link CopyOrder}. A read
     * of one tenant never takes this instance's own copy while it restores from far behind (503
     * instead, until a standby answers or the restore ends); a batch may, its tenants not reached
     * yet simply absent. When copies answer but none wholly, {@code partial} decides.
     *
     * @throws StateUnavailableException the owner's failure, when no copy answers (wholly, where
     *     {@code partial} asks for that)
     */
    private <T> T fromCopy(
            KeyQueryMetadata where,
            StateUnavailableException ownerUnavailable,
            Supplier<T> fromCopyHere,
            Function<HostInfo, T> fromCopyThere,
            Predicate<T> whole,
            CopyAnswers partial) {
        boolean ownRestoringCopy =
                partial == CopyAnswers.BEST_AVAILABLE || !ownCopyFarBehind.test(where.partition());
        List<Supplier<T>> copies = new ArrayList<>();
        for (HostInfo host : CopyOrder.of(self, where, ownRestoringCopy)) {
            copies.add(host.equals(self) ? fromCopyHere : () -> fromCopyThere.apply(host));
        }
        T firstPartial = null;
        for (Supplier<T> copy : copies) {
            try {
                T answer = copy.get();
                if (whole.test(answer)) {
                    return answer;
                }
                if (firstPartial == null) {
                    firstPartial = answer;
                }
            } catch (StateUnavailableException noCopy) {
                ownerUnavailable.addSuppressed(noCopy);
            }
        }
        if (firstPartial != null && partial == CopyAnswers.BEST_AVAILABLE) {
            return firstPartial;
        }
        throw ownerUnavailable;
    }
}
