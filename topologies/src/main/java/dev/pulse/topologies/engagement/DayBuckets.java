package dev.pulse.topologies.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A tenant's daily buckets over consecutive days, from which {@link DailyHistory} views are cut.
 * Running totals of a count are kept once they are asked for, so every view over the same days sums
 * a window in constant time: re-scoring two years of a tenant reads each metric's weeks every day.
 *
 * <p>Not for concurrent use, and the buckets must not change once views are read (a running total
 * would go stale).
 */
public final class DayBuckets {
    /** Bucket of epoch day {@code firstDay + i} at index i; null where the day has none. */
    private final EngagementBucket[] buckets;

    private final long firstDay;

    /** Per count (by identity): {@code totals[i]} = the count of the days before index i. */
    private final Map<ToLongFunction<EngagementBucket>, long[]> totals = new IdentityHashMap<>(4);

    /**
     * @param buckets {@code buckets[0]} on {@code firstDay}, one per day, null for days without
     *     any; used as it is, not copied
     */
    public DayBuckets(EngagementBucket[] buckets, LocalDate firstDay) {
        this.buckets = buckets;
        this.firstDay = firstDay.toEpochDay();
    }

    /** The buckets of a map by day, from its first day to its last; none when it is empty. */
    public static DayBuckets of(Map<LocalDate, EngagementBucket> days) {
        if (days.isEmpty()) {
            return new DayBuckets(new EngagementBucket[0], LocalDate.ofEpochDay(0));
        }
        long first = days.keySet().stream().mapToLong(LocalDate::toEpochDay).min().orElseThrow();
        long last = days.keySet().stream().mapToLong(LocalDate::toEpochDay).max().orElseThrow();
        EngagementBucket[] spread = new EngagementBucket[Math.toIntExact(last - first + 1)];
        days.forEach((day, bucket) -> spread[(int) (day.toEpochDay() - first)] = bucket);
        return new DayBuckets(spread, LocalDate.ofEpochDay(first));
    }

    /** The buckets of the days from {@code from} to {@code to}, both included, read at asOf. */
    public DailyHistory history(LocalDate from, LocalDate to, Instant asOf) {
        return new DailyHistory(this, index(from), index(to), asOf);
    }

    long firstDay() {
        return firstDay;
    }

    int length() {
        return buckets.length;
    }

    /** The bucket at an index; null outside the days or where the day has none. */
    EngagementBucket at(long index) {
        return index >= 0 && index < buckets.length ? buckets[(int) index] : null;
    }

    /** The running totals of a count, computed on first use. */
    long[] totals(ToLongFunction<EngagementBucket> count) {
        return totals.computeIfAbsent(
                count,
                c -> {
                    long[] running = new long[buckets.length + 1];
                    for (int i = 0; i < buckets.length; i++) {
                        EngagementBucket bucket = buckets[i];
                        running[i + 1] = running[i] + (bucket == null ? 0 : c.applyAsLong(bucket));
                    }
                    return running;
                });
    }

    private long index(LocalDate day) {
        return day.toEpochDay() - firstDay;
    }
}
