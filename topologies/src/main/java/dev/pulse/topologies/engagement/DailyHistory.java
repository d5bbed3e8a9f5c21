package dev.pulse.topologies.engagement;

import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A tenant's daily engagement buckets as seen at one instant, with rolling windows over them.
 *
 * <p>A window of N days ends at {@code asOf}. Days are UTC days. Counts prorate the oldest day by
 * the part of it still inside the window; set-like measures (users, features, active days) take the
 * oldest day whole while less than half of today has passed. Without this, every score would dip at
 * midnight when a full day leaves the window and an empty one enters.
 */
public final class DailyHistory {
    private final NavigableMap<LocalDate, EngagementBucket> days;
    private final Instant asOf;
    private final LocalDate today;
    private final double todayElapsed;

    public DailyHistory(Map<LocalDate, EngagementBucket> days, Instant asOf) {
        this.days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
        this.asOf = asOf;
        Instant last = asOf.minusMillis(1);
        this.today = UtcDays.dayOf(last);
        this.todayElapsed =
                (asOf.toEpochMilli() - UtcDays.startMs(today)) / (double) UtcDays.DAY_MS;
    }

    /**
     * The same history cut to the N days ending today: what reading N days at the same instant
     * gives, when this one was read at least that far back.
     */
    public DailyHistory lastDays(int windowDays) {
        return new DailyHistory(days.tailMap(today.minusDays(windowDays - 1L), true), asOf);
    }

    public Instant asOf() {
        return asOf;
    }

    public LocalDate today() {
        return today;
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Sum of a count over the N days ending now, skipping the first {@code skipDays}. */
    public double count(int windowDays, int skipDays, ToLongFunction<EngagementBucket> count) {
        double total = 0;
        LocalDate newest = today.minusDays(skipDays);
        LocalDate oldest = newest.minusDays(windowDays - 1L);
        for (Map.Entry<LocalDate, EngagementBucket> day :
                days.subMap(oldest, true, newest, true).entrySet()) {
            total += count.applyAsLong(day.getValue());
        }
        EngagementBucket partial = days.get(oldest.minusDays(1));
        if (partial != null) {
            total += (1 - todayElapsed) * count.applyAsLong(partial);
        }
        return total;
    }

    /**
     * Like {@code count(windowDays, 0, count)}, but for the same hours of a period {@code
     * shiftDays} earlier: N × 24 hours ending at this instant's time of day, {@code shiftDays} days
     * ago. The newest day of a shifted window is complete in the buckets while today is not, so it
     * is prorated by the part of today that has passed; with a shift of whole weeks the window
     * covers the same weekdays, which is what a seasonal baseline compares against.
     */
    public double countShifted(
            int windowDays, int shiftDays, ToLongFunction<EngagementBucket> count) {
        if (shiftDays == 0) {
            return count(windowDays, 0, count);
        }
        LocalDate newest = today.minusDays(shiftDays);
        LocalDate oldest = newest.minusDays(windowDays - 1L);
        double total = 0;
        for (Map.Entry<LocalDate, EngagementBucket> day :
                days.subMap(oldest, true, newest, false).entrySet()) {
            total += count.applyAsLong(day.getValue());
        }
        EngagementBucket last = days.get(newest);
        if (last != null) {
            total += todayElapsed * count.applyAsLong(last);
        }
        EngagementBucket partial = days.get(oldest.minusDays(1));
        if (partial != null) {
            total += (1 - todayElapsed) * count.applyAsLong(partial);
        }
        return total;
    }

    /** Buckets of the N days ending now, for set-like measures. */
    public List<EngagementBucket> buckets(int windowDays) {
        LocalDate oldest = today.minusDays(windowDays - 1L);
        if (todayElapsed < 0.5) {
            oldest = oldest.minusDays(1);
        }
        return new ArrayList<>(days.subMap(oldest, true, today, true).values());
    }

    /** The newest day up to today with at least one event; null when there is none. */
    public LocalDate lastActiveDay() {
        for (Map.Entry<LocalDate, EngagementBucket> day :
                days.headMap(today, true).descendingMap().entrySet()) {
            if (day.getValue().events() > 0) {
                return day.getKey();
            }
        }
        return null;
    }

    /** Days with at least one event among the last N (at most N). */
    public int activeDays(int windowDays) {
        int active = 0;
        for (EngagementBucket bucket : buckets(windowDays)) {
            if (bucket.events() > 0) {
                active++;
            }
        }
        return Math.min(active, windowDays);
    }
}
