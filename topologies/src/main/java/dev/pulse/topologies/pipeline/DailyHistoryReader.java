package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads a tenant's daily engagement buckets from the daily store into a {@link DailyHistory}, as
 * far back as its reader (the health model or the alert rules) looks.
 */
final class DailyHistoryReader {
    private final WindowStore<String, EngagementBucket> daily;
    private final int days;

    DailyHistoryReader(WindowStore<String, EngagementBucket> daily, int days) {
        this.daily = daily;
        this.days = days;
    }

    /** The buckets of the days up to the one {@code asOfMs} falls in. */
    DailyHistory read(String tenant, long asOfMs) {
        long today = UtcDays.floorMs(asOfMs - 1, UtcDays.DAY_MS);
        long from = today - (days - 1L) * UtcDays.DAY_MS;
        EngagementBucket[] buckets = new EngagementBucket[days];
        try (WindowStoreIterator<EngagementBucket> it = daily.fetch(tenant, from, today)) {
            while (it.hasNext()) {
                KeyValue<Long, EngagementBucket> day = it.next();
                buckets[(int) ((day.key - from) / UtcDays.DAY_MS)] = day.value;
            }
        }
        return DailyHistory.ofDays(buckets, UtcDays.dayOfMs(from), Instant.ofEpochMilli(asOfMs));
    }
}
