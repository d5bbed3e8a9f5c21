package dev.pulse.app.bench;

import java.time.Instant;

/**
 * Generated events grouped by the interval of event time they fall in (intervals aligned to the
 * epoch, so hourly ones start on the hour), in order: what each run of a batch job picks up.
 */
final class HourlySlices {
    private final long firstStartMs;
    private final long intervalMs;
    private final int[][] indexes;

    private HourlySlices(long firstStartMs, long intervalMs, int[][] indexes) {
        this.firstStartMs = firstStartMs;
        this.intervalMs = intervalMs;
        this.indexes = indexes;
    }

    static HourlySlices of(GeneratedEvents events, long intervalMs) {
        if (events.size() == 0) {
            return new HourlySlices(0, intervalMs, new int[0][]);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            min = Math.min(min, events.timestamp(i));
            max = Math.max(max, events.timestamp(i));
        }
        long first = Math.floorDiv(min, intervalMs);
        int count = (int) (Math.floorDiv(max, intervalMs) - first + 1);
        int[] sizes = new int[count];
        for (int i = 0; i < events.size(); i++) {
            sizes[(int) (Math.floorDiv(events.timestamp(i), intervalMs) - first)]++;
        }
        int[][] indexes = new int[count][];
        int[] filled = new int[count];
        for (int slice = 0; slice < count; slice++) {
            indexes[slice] = new int[sizes[slice]];
        }
        for (int i = 0; i < events.size(); i++) {
            int slice = (int) (Math.floorDiv(events.timestamp(i), intervalMs) - first);
            indexes[slice][filled[slice]++] = i;
        }
        return new HourlySlices(first * intervalMs, intervalMs, indexes);
    }

    int count() {
        return indexes.length;
    }

    /** Indexes of the events in the {@code slice}-th interval, in their original order. */
    int[] indexes(int slice) {
        return indexes[slice];
    }

    /** The end (exclusive) of the {@code slice}-th interval: when its run starts. */
    Instant end(int slice) {
        return Instant.ofEpochMilli(firstStartMs + (slice + 1) * intervalMs);
    }
}
