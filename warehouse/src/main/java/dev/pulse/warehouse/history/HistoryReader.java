package dev.pulse.warehouse.history;

import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.time.UtcDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read layer with history beyond the stores: daily reads (scores, daily engagement, engagement
 * totals) of days older than the daily stores keep ({@code pipeline.dailyRetention}) come from the
 * warehouse tables, the rest from the stores as before, joined into one answer. The timeseries,
 * summary and report use cases read through it unchanged, so the longer history is transparent to
 * every front end. Hourly engagement is not in the warehouse: hourly reads stay with the store.
 *
 * <p>Distinct users over a range that spans the horizon are a union of the warehouse's daily
 * sketches (the sink writes every day, a few seconds behind the stores), never fewer than the
 * stores' own count for their part.
 */
public final class HistoryReader implements TenantStateReader {
    private final TenantStateReader stores;
    private final WarehouseHistory warehouse;
    private final Duration dailyRetention;
    private final Clock clock;

    public HistoryReader(
            TenantStateReader stores,
            WarehouseHistory warehouse,
            Duration dailyRetention,
            Clock clock) {
        this.stores = stores;
        this.warehouse = warehouse;
        this.dailyRetention = dailyRetention;
        this.clock = clock;
    }

    /**
     * The first day the daily stores surely still hold whole: retention counts back from stream
     * time, which may be ahead of the wall clock by up to a day, so one day of margin.
     */
    Instant horizon() {
        return UtcDays.startOfDay(clock.instant().minus(dailyRetention)).plus(UtcDays.DAY);
    }

    @Override
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        Instant horizon = horizon();
        if (!from.isBefore(horizon)) {
            return stores.dailyScores(tenantId, from, to);
        }
        List<HealthScore> out =
                new ArrayList<>(warehouse.dailyScores(tenantId, from, min(to, horizon)));
        if (to.isAfter(horizon)) {
            out.addAll(stores.dailyScores(tenantId, horizon, to));
        }
        return out;
    }

    @Override
    public List<EngagementPoint> engagement(
            String tenantId, Granularity granularity, Instant from, Instant to) {
        Instant horizon = horizon();
        if (granularity != Granularity.DAY || !from.isBefore(horizon)) {
            return stores.engagement(tenantId, granularity, from, to);
        }
        List<EngagementPoint> out = new ArrayList<>();
        for (WarehouseHistory.DayBucket day :
                warehouse.engagement(tenantId, from, min(to, horizon))) {
            EngagementBucket b = day.bucket();
            out.add(
                    new EngagementPoint(
                            day.start(), b.events(), b.activeUsers(), b.byType(), b.features()));
        }
        if (to.isAfter(horizon)) {
            out.addAll(stores.engagement(tenantId, granularity, horizon, to));
        }
        return out;
    }

    @Override
    public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
        Instant horizon = horizon();
        if (!from.isBefore(horizon)) {
            return stores.engagementTotals(tenantId, from, to);
        }
        List<WarehouseHistory.DayBucket> old =
                warehouse.engagement(tenantId, from, min(to, horizon));
        EngagementTotals recent =
                to.isAfter(horizon)
                        ? stores.engagementTotals(tenantId, horizon, to)
                        : new EngagementTotals(0, 0, 0, Map.of(), Map.of());
        List<EngagementBucket> sketches = new ArrayList<>();
        old.forEach(d -> sketches.add(d.bucket()));
        if (to.isAfter(horizon)) {
            warehouse.engagement(tenantId, horizon, to).forEach(d -> sketches.add(d.bucket()));
        }
        long events = recent.events();
        long activeDays = recent.activeDays();
        Map<String, Long> byType = new TreeMap<>(recent.byType());
        Map<String, Long> features = new TreeMap<>(recent.features());
        for (WarehouseHistory.DayBucket day : old) {
            EngagementBucket b = day.bucket();
            events += b.events();
            activeDays += b.events() > 0 ? 1 : 0;
            b.byType().forEach((k, v) -> byType.merge(k, v, Long::sum));
            b.features().forEach((k, v) -> features.merge(k, v, Long::sum));
        }
        long users = Math.max(EngagementBucket.distinctUsers(sketches), recent.activeUsers());
        return new EngagementTotals(events, users, activeDays, byType, features);
    }

    /** From the stores in one fetch while every range is within them; else range by range. */
    @Override
    public List<EngagementTotals> engagementTotalsSince(
            String tenantId, List<Instant> froms, Instant to) {
        Instant horizon = horizon();
        return froms.stream().noneMatch(from -> from.isBefore(horizon))
                ? stores.engagementTotalsSince(tenantId, froms, to)
                : TenantStateReader.super.engagementTotalsSince(tenantId, froms, to);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    // Everything else is current state: the stores answer.

    @Override
    public Optional<HealthScore> currentScore(String tenantId) {
        return stores.currentScore(tenantId);
    }

    @Override
    public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
        return stores.currentScores(tenantIds);
    }

    /** Funnel tallies are not in the warehouse: they come from the stores (two years). */
    @Override
    public Map<String, List<FunnelDay>> funnelDays(
            Collection<String> tenantIds, Instant from, Instant to) {
        return stores.funnelDays(tenantIds, from, to);
    }

    @Override
    public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
        return stores.journeys(tenantIds);
    }

    @Override
    public Optional<Account> account(String tenantId) {
        return stores.account(tenantId);
    }

    @Override
    public List<Account> accounts() {
        return stores.accounts();
    }

    @Override
    public List<Account> accountsOwnedBy(Collection<String> owners) {
        return stores.accountsOwnedBy(owners);
    }

    @Override
    public List<Alert> alerts(String tenantId) {
        return stores.alerts(tenantId);
    }

    @Override
    public Optional<Alert> alert(String tenantId, String ruleId) {
        return stores.alert(tenantId, ruleId);
    }

    @Override
    public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
        return stores.alertHistory(tenantId, from, to);
    }

    @Override
    public List<FollowUp> followUps(String tenantId) {
        return stores.followUps(tenantId);
    }
}
