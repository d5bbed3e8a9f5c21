package dev.pulse.topologies.funnel;

import java.time.Duration;

/**
 * The fixed buckets of time-to-convert between two steps, so that days add up and a median over any
 * period can be read from the sums. Bucket {@code i} holds times in {@code [BOUNDS_HOURS[i],
 * BOUNDS_HOURS[i+1])} hours; the last is open-ended. Changing the bounds changes the meaning of
 * stored tallies: add a format, do not edit them.
 */
public final class ConversionTimes {
    /** Lower bounds in hours: finer where most conversions happen, the first day. */
    static final double[] BOUNDS_HOURS = {
        0, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 18, 24, 36, 48, 72, 96, 120, 168, 240, 336
    };

    /** Number of buckets. */
    public static final int BUCKETS = BOUNDS_HOURS.length;

    private static final double HOUR_MS = Duration.ofHours(1).toMillis();

    private ConversionTimes() {}

    /** The bucket of a time to convert. */
    public static int bucketOf(long millis) {
        double hours = Math.max(0, millis) / HOUR_MS;
        int i = BUCKETS - 1;
        while (i > 0 && hours < BOUNDS_HOURS[i]) {
            i--;
        }
        return i;
    }

    /**
     * The median in hours of the times counted in {@code counts} (one count per bucket), linearly
     * interpolated within its bucket; the open last bucket answers its lower bound. Null when
     * nothing is counted.
     */
    public static Double medianHours(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double half = total / 2.0;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= half) {
                if (i == BUCKETS - 1) {
                    return BOUNDS_HOURS[i];
                }
                double share = (half - below) / counts[i];
                return BOUNDS_HOURS[i] + share * (BOUNDS_HOURS[i + 1] - BOUNDS_HOURS[i]);
            }
            below += counts[i];
        }
        return BOUNDS_HOURS[BUCKETS - 1];
    }
}
