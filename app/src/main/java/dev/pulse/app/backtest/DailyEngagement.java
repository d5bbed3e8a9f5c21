package dev.pulse.app.backtest;

import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every tenant's daily engagement buckets, counted from events with the same {@link
 * EngagementBucket} code the topology counts with, or loaded as a deployment stored them. Events
 * repeated within two days (same id) count once, as in the topology.
 */
public final class DailyEngagement {
    private static final int DEDUP_DAYS = 2;

    private final Map<String, Tenant> tenants = new TreeMap<>();
    private final Map<LocalDate, Set<String>> recentIds = new HashMap<>();
    private LocalDate newestDay;
    private long events;
    private long duplicates;

    /** One tenant's days. */
    static final class Tenant {
        final NavigableMap<LocalDate, EngagementBucket> days = new TreeMap<>();
        final NavigableMap<LocalDate, Instant> lastEventOfDay = new TreeMap<>();
        Instant firstEvent;

        /** The days from {@code from} to {@code to}, both included, as the scorer reads them. */
        DailyHistory history(LocalDate from, LocalDate to) {
            Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new DailyHistory(days.subMap(from, true, to, true), end);
        }

        /** The latest event at or before the end of {@code day}; null if none. */
        Instant lastEventBy(LocalDate day) {
            Map.Entry<LocalDate, Instant> entry = lastEventOfDay.floorEntry(day);
            return entry == null ? null : entry.getValue();
        }
    }

    /** Counts one event. */
    public void add(UsageEvent event) {
        LocalDate day = LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
        if (event.eventId() != null && !firstSighting(event.eventId(), day)) {
            duplicates++;
            return;
        }
        events++;
        Tenant tenant = tenants.computeIfAbsent(event.tenantId(), t -> new Tenant());
        tenant.days.computeIfAbsent(day, d -> new EngagementBucket()).add(event);
        tenant.lastEventOfDay.merge(day, event.timestamp(), (a, b) -> a.isAfter(b) ? a : b);
        if (tenant.firstEvent == null || event.timestamp().isBefore(tenant.firstEvent)) {
            tenant.firstEvent = event.timestamp();
        }
    }

    /** Adds a stored day bucket of a tenant (re-scoring a deployment's history). */
    public void putDay(String tenantId, LocalDate day, EngagementBucket bucket) {
        if (bucket == null || bucket.events() == 0) {
            return;
        }
        Tenant tenant = tenants.computeIfAbsent(tenantId, t -> new Tenant());
        tenant.days.put(day, bucket);
        // Stored days have no event times: the day's end stands for the last event.
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        tenant.lastEventOfDay.put(day, end);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (tenant.firstEvent == null || start.isBefore(tenant.firstEvent)) {
            tenant.firstEvent = start;
        }
        events += bucket.events();
    }

    private boolean firstSighting(String id, LocalDate day) {
        if (newestDay == null || day.isAfter(newestDay)) {
            newestDay = day;
            recentIds.keySet().removeIf(d -> d.isBefore(newestDay.minusDays(DEDUP_DAYS)));
        }
        for (int back = -DEDUP_DAYS; back <= DEDUP_DAYS; back++) {
            Set<String> ids = recentIds.get(day.plusDays(back));
            if (ids != null && ids.contains(id)) {
                return false;
            }
        }
        recentIds.computeIfAbsent(day, d -> new HashSet<>()).add(id);
        return true;
    }

    Map<String, Tenant> tenants() {
        return Collections.unmodifiableMap(tenants);
    }

    /** The first day any tenant has events; null when empty. */
    public LocalDate firstDay() {
        return tenants.values().stream()
                .map(t -> t.days.firstKey())
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /** The last day any tenant has events; null when empty. */
    public LocalDate lastDay() {
        return tenants.values().stream()
                .map(t -> t.days.lastKey())
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    public long events() {
        return events;
    }

    public long duplicates() {
        return duplicates;
    }

    public int tenantCount() {
        return tenants.size();
    }
}
