package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Reads a tenant's daily engagement buckets from the daily store into a {@link DailyHistory}. */
final class DailyHistoryReader {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private DailyHistoryReader() {}

    /** The buckets of the {@code days} UTC days up to the one {@code asOfMs} falls in. */
    static DailyHistory read(
            WindowStore<String, EngagementBucket> daily, String tenant, long asOfMs, int days) {
        long today = asOfMs - 1 - Math.floorMod(asOfMs - 1, DAY_MS);
        long from = today - (days - 1L) * DAY_MS;
        Map<LocalDate, EngagementBucket> buckets = new HashMap<>();
        try (WindowStoreIterator<EngagementBucket> it = daily.fetch(tenant, from, today)) {
            while (it.hasNext()) {
                KeyValue<Long, EngagementBucket> day = it.next();
                buckets.put(LocalDate.ofEpochDay(Math.floorDiv(day.key, DAY_MS)), day.value);
            }
        }
        return new DailyHistory(buckets, Instant.ofEpochMilli(asOfMs));
    }
}
