package dev.pulse.topologies.engagement;

import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A tenant's daily engagement buckets as seen at one instant, with rolling windows over them.
 *
 * <p>A window of N days ends at {@code asOf}. Days are UTC days. Counts prorate the oldest day by
 * the part of it still inside the window; set-like measures (users, features, active days) take the
 * oldest day whole while less than half of today has passed. Without this, every score would dip at
 * midnight when a full day leaves the window and an empty one enters.
 *
 * <p>The buckets sit in an array indexed by day: every closed day reads a dozen windows over up to
 * a hundred days, and re-scoring years of history does that for every tenant and day.
 */
public final class DailyHistory {
    private final DayBuckets days;

    /** The indices into {@link #days} this history holds, both included (none when lo > hi). */
    private final long lo;

    private final long hi;

    private final Instant asOf;
    private final LocalDate today;
    private final long todayIndex;
    private final double todayElapsed;

    public DailyHistory(Map<LocalDate, EngagementBucket> days, Instant asOf) {
        this(DayBuckets.of(days), asOf);
    }

    private DailyHistory(DayBuckets days, Instant asOf) {
        this(days, 0, days.length() - 1L, asOf);
    }

    DailyHistory(DayBuckets days, long lo, long hi, Instant asOf) {
        this.days = days;
        this.lo = Math.max(0, lo);
        this.hi = Math.min(days.length() - 1L, hi);
        this.asOf = asOf;
        Instant last = asOf.minusMillis(1);
        this.today = UtcDays.dayOf(last);
        this.todayIndex = today.toEpochDay() - days.firstDay();
        this.todayElapsed =
                (asOf.toEpochMilli() - UtcDays.startMs(today)) / (double) UtcDays.DAY_MS;
    }

    /**
     * The buckets of consecutive days, {@code days[0]} on {@code firstDay} (nulls for days without
     * any), as read at {@code asOf}. The array is used as it is, not copied: its owner must not
     * change it while the history is read.
     */
    public static DailyHistory ofDays(EngagementBucket[] days, LocalDate firstDay, Instant asOf) {
        return new DailyHistory(new DayBuckets(days, firstDay), asOf);
    }

    /**
     * The same history cut to the N days ending today: what reading N days at the same instant
     * gives, when this one was read at least that far back.
     */
    public DailyHistory lastDays(int windowDays) {
        return new DailyHistory(days, Math.max(lo, todayIndex - windowDays + 1), hi, asOf);
    }

    public Instant asOf() {
        return asOf;
    }

    public LocalDate today() {
        return today;
    }

    public boolean isEmpty() {
        for (long index = lo; index <= hi; index++) {
            if (days.at(index) != null) {
                return false;
            }
        }
        return true;
    }

    /** The bucket of the day {@code back} days before today; null when there is none. */
    private EngagementBucket daysBack(long back) {
        long index = todayIndex - back;
        return index >= lo && index <= hi ? days.at(index) : null;
    }

    /** Sum of a count over the N days ending now, skipping the first {@code skipDays}. */
    public double count(int windowDays, int skipDays, ToLongFunction<EngagementBucket> count) {
        return window(new Evaluated(count), windowDays, skipDays);
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
        return shifted(new Evaluated(count), windowDays, shiftDays);
    }

    /**
     * One count of every day, evaluated once, for a reader that sums it over many windows (the
     * at-risk reading sums a dozen weeks of each metric every day).
     */
    public Counts counts(ToLongFunction<EngagementBucket> count) {
        return new Counts(count);
    }

    /** A count of every day of this history, summed over windows exactly as {@link #count} does. */
    public final class Counts {
        private final long[] totals;

        private Counts(ToLongFunction<EngagementBucket> count) {
            totals = days.totals(count);
        }

        /** As {@link DailyHistory#count} with this count. */
        public double count(int windowDays, int skipDays) {
            return window(this::sum, windowDays, skipDays);
        }

        /** As {@link DailyHistory#countShifted} with this count. */
        public double countShifted(int windowDays, int shiftDays) {
            return shifted(this::sum, windowDays, shiftDays);
        }

        private long sum(long newestBack, long oldestBack) {
            long from = Math.max(lo, todayIndex - oldestBack);
            long to = Math.min(hi, todayIndex - newestBack);
            return to < from ? 0 : totals[(int) to + 1] - totals[(int) from];
        }
    }

    /** A count summed over the days from {@code newestBack} to {@code oldestBack} days ago. */
    private interface DaySums {
        long sum(long newestBack, long oldestBack);
    }

    /** Sums a count by evaluating it on each day's bucket. */
    private final class Evaluated implements DaySums {
        private final ToLongFunction<EngagementBucket> count;

        Evaluated(ToLongFunction<EngagementBucket> count) {
            this.count = count;
        }

        @Override
        public long sum(long newestBack, long oldestBack) {
            long total = 0;
            long from = Math.max(lo, todayIndex - oldestBack);
            long to = Math.min(hi, todayIndex - newestBack);
            for (long index = from; index <= to; index++) {
                EngagementBucket bucket = days.at(index);
                if (bucket != null) {
                    total += count.applyAsLong(bucket);
                }
            }
            return total;
        }
    }

    private double window(DaySums sums, int windowDays, int skipDays) {
        long oldestBack = skipDays + windowDays - 1L;
        return sums.sum(skipDays, oldestBack)
                + (1 - todayElapsed) * sums.sum(oldestBack + 1, oldestBack + 1);
    }

    private double shifted(DaySums sums, int windowDays, int shiftDays) {
        if (shiftDays == 0) {
            return window(sums, windowDays, 0);
        }
        long oldestBack = shiftDays + windowDays - 1L;
        return sums.sum(shiftDays + 1L, oldestBack)
                + todayElapsed * sums.sum(shiftDays, shiftDays)
                + (1 - todayElapsed) * sums.sum(oldestBack + 1, oldestBack + 1);
    }

    /** Buckets of the N days ending now, for set-like measures. */
    public List<EngagementBucket> buckets(int windowDays) {
        long oldestBack = windowDays - 1L + (todayElapsed < 0.5 ? 1 : 0);
        List<EngagementBucket> buckets = new ArrayList<>(windowDays + 1);
        for (long back = oldestBack; back >= 0; back--) {
            EngagementBucket bucket = daysBack(back);
            if (bucket != null) {
                buckets.add(bucket);
            }
        }
        return buckets;
    }

    /** The newest day up to today with at least one event; null when there is none. */
    public LocalDate lastActiveDay() {
        for (long index = Math.min(todayIndex, hi); index >= lo; index--) {
            EngagementBucket bucket = days.at(index);
            if (bucket != null && bucket.events() > 0) {
                return LocalDate.ofEpochDay(days.firstDay() + index);
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
