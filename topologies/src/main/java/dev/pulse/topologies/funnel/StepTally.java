package dev.pulse.topologies.funnel;

import java.util.Arrays;

/**
 * How many users reached one step (in one day, or summed over days), and how long they took from
 * the previous step, in {@link ConversionTimes} buckets (all zero for the first step).
 */
public record StepTally(long users, long[] hours) {
    public static final StepTally EMPTY = new StepTally(0, new long[ConversionTimes.BUCKETS]);

    public StepTally {
        if (hours == null || hours.length != ConversionTimes.BUCKETS) {
            throw new IllegalArgumentException(
                    "hours must have " + ConversionTimes.BUCKETS + " buckets");
        }
    }

    /** This tally with one more user, who took {@code sincePreviousMs} (or none, first step). */
    public StepTally plusOne(boolean firstStep, long sincePreviousMs) {
        long[] more = hours.clone();
        if (!firstStep) {
            more[ConversionTimes.bucketOf(sincePreviousMs)]++;
        }
        return new StepTally(users + 1, more);
    }

    /** The sum of two tallies. */
    public StepTally plus(StepTally other) {
        long[] sum = hours.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.hours[i];
        }
        return new StepTally(users + other.users, sum);
    }

    /** Median hours from the previous step, or null when none was counted. */
    public Double medianHours() {
        return ConversionTimes.medianHours(hours);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepTally t && users == t.users && Arrays.equals(hours, t.hours);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(users) + Arrays.hashCode(hours);
    }

    @Override
    public String toString() {
        return "StepTally[users=" + users + ", hours=" + Arrays.toString(hours) + "]";
    }
}
