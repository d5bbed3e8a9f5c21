package dev.pulse.app.backtest;

import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.DayBuckets;
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

        /** {@link #days} as one array, built on the first read after a change. */
        private DayBuckets byDay;

        /** Per day of {@link #byDay}: the latest event up to that day's end; null before any. */
        private Instant[] lastEventUpTo;

        private LocalDate firstDay;

        /** The days from {@code from} to {@code to}, both included, as the scorer reads them. */
        DailyHistory history(LocalDate from, LocalDate to) {
            index(from);
            return byDay.history(from, to, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        /** The latest event at or before the end of {@code day}; null if none. */
        Instant lastEventBy(LocalDate day) {
            index(day);
            long at = Math.min(day.toEpochDay() - firstDay.toEpochDay(), lastEventUpTo.length - 1L);
            return at < 0 ? null : lastEventUpTo[(int) at];
        }

        /** Builds the arrays the replay reads every day, once the days are all counted. */
        private void index(LocalDate fallbackFirst) {
            if (byDay != null) {
                return;
            }
            byDay = DayBuckets.of(days);
            firstDay = days.isEmpty() ? fallbackFirst : days.firstKey();
            int length =
                    days.isEmpty()
                            ? 0
                            : (int) (days.lastKey().toEpochDay() - firstDay.toEpochDay() + 1);
            lastEventUpTo = new Instant[length];
            lastEventOfDay.forEach(
                    (day, last) -> {
                        if (offset(day) >= 0 && offset(day) < length) {
                            lastEventUpTo[offset(day)] = last;
                        }
                    });
            for (int i = 1; i < length; i++) {
                if (lastEventUpTo[i] == null
                        || lastEventUpTo[i - 1] != null
                                && lastEventUpTo[i - 1].isAfter(lastEventUpTo[i])) {
                    lastEventUpTo[i] = lastEventUpTo[i - 1];
                }
            }
        }

        private int offset(LocalDate day) {
            return (int) (day.toEpochDay() - firstDay.toEpochDay());
        }

        /**
         * Puts a day's bucket, or the one already there; the day index is rebuilt on the next read.
         */
        EngagementBucket day(LocalDate day) {
            EngagementBucket bucket = days.get(day);
            if (bucket == null) {
                bucket = new EngagementBucket();
                days.put(day, bucket);
            }
            byDay = null;
            return bucket;
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
        tenant.day(day).add(event);
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
        tenant.byDay = null;
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
