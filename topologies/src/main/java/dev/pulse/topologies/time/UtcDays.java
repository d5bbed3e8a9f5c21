package dev.pulse.topologies.time;

import dev.pulse.topologies.health.HealthScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Pulse's days are UTC days. An end-of-day score of day D has {@code asOf} = the start of D + 1,
 * the instant its windows end.
 */
public final class UtcDays {
    public static final Duration DAY = Duration.ofDays(1);
    public static final long DAY_MS = DAY.toMillis();

    private UtcDays() {}

    public static Instant startOfDay(Instant instant) {
        return floor(instant, DAY);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first millisecond of {@code day}, as window stores key it. */
    public static long startMs(LocalDate day) {
        return day.toEpochDay() * DAY_MS;
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The day that holds the epoch millisecond {@code epochMs}. */
    public static LocalDate dayOfMs(long epochMs) {
        return LocalDate.ofEpochDay(epochDayOfMs(epochMs));
    }

    /** {@link #dayOfMs}'s epoch day, without making the date. */
    public static long epochDayOfMs(long epochMs) {
        return Math.floorDiv(epochMs, DAY_MS);
    }

    /** The UTC day an end-of-day score closes. */
    public static LocalDate dayClosedBy(HealthScore endOfDay) {
        return dayOf(endOfDay.asOf().minusMillis(1));
    }

    /** The start of the bucket of the given size that holds {@code instant}. */
    public static Instant floor(Instant instant, Duration bucket) {
        return Instant.ofEpochMilli(floorMs(instant.toEpochMilli(), bucket.toMillis()));
    }

    /** The start of the bucket of {@code bucketMs} milliseconds that holds {@code epochMs}. */
    public static long floorMs(long epochMs, long bucketMs) {
        return epochMs - Math.floorMod(epochMs, bucketMs);
    }
}
