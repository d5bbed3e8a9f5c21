package dev.pulse.backfill.job;

import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import java.time.Instant;
import java.time.LocalDate;

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

    /** Sort key of the hand-over: day first, then tenant. */
    public String dayOrder() {
        return String.format("%012d", epochDay) + tenantId;
    }
}
