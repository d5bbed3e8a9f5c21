package dev.pulse.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Past usage for loading benchmarks: {@code count} events spread evenly over the {@code days}
 * before today (UTC), in event-time order, each for a random tenant, shaped as the bench's other
 * events.
 */
final class BenchHistory {
    private BenchHistory() {}

    static GeneratedEvents spread(BenchTenants tenants, int count, int days, long seed) {
        BenchEventGenerator generator = new BenchEventGenerator(seed);
        SplittableRandom random = new SplittableRandom(seed + 7);
        String[] keys = new String[count];
        byte[][] values = new byte[count][];
        long[] timestamps = new long[count];
        long endMs =
                LocalDate.now(ZoneOffset.UTC)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
        long spanMs = Duration.ofDays(days).toMillis();
        List<String> ids = tenants.ids();
        for (int i = 0; i < count; i++) {
            String tenant = ids.get(random.nextInt(ids.size()));
            long time = endMs - spanMs + (long) ((double) spanMs * i / count);
            keys[i] = tenant;
            timestamps[i] = time;
            values[i] = generator.randomEvent("bf-" + i, tenant, Instant.ofEpochMilli(time));
        }
        return new GeneratedEvents(keys, values, timestamps);
    }
}
