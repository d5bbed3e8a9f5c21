package dev.pulse.backfill.job;

import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One tenant-day of engagement as the job emits it: plain fields, the bucket in the engagement
 * store's own bytes ({@link EngagementBucketSerde}), so Flink moves it without a generic
 * serializer.
 */
public record TenantDayRow(
        String tenantId, long epochDay, byte[] bucket, long firstMs, long lastMs, long events) {

    public BackfilledDay toDay() {
        return new BackfilledDay(
                tenantId,
                LocalDate.ofEpochDay(epochDay),
                EngagementBucketSerde.fromBytes(bucket),
                Instant.ofEpochMilli(firstMs),
                Instant.ofEpochMilli(lastMs));
    }

    /**
     * Every {@link LocalDate}'s epoch day lies within ±10¹²: shifted by that, it is never negative,
     * so its digits sort in day order (a minus sign would sort 1969's days backwards).
     */
    private static final long EPOCH_DAY_SHIFT = 1_000_000_000_000L;

    /** Sort key of the hand-over: day first, then tenant. */
    public String dayOrder() {
        return String.format(Locale.ROOT, "%013d", epochDay + EPOCH_DAY_SHIFT) + tenantId;
    }
}
