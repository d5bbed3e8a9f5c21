package dev.pulse.topologies.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One tenant's engagement of one UTC day, computed from past events outside the live pipeline (the
 * Flink backfill), with the same {@link EngagementBucket#add} the pipeline counts with. The first
 * and last event times let the pipeline date the tenant's activity as exactly as if it had seen the
 * events themselves.
 *
 * @param firstEventAt the day's earliest counted event
 * @param lastEventAt the day's latest counted event
 */
public record BackfilledDay(
        String tenantId,
        LocalDate day,
        EngagementBucket bucket,
        Instant firstEventAt,
        Instant lastEventAt) {
    public BackfilledDay {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(firstEventAt, "firstEventAt");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        if (lastEventAt.isBefore(firstEventAt)) {
            throw new IllegalArgumentException("lastEventAt before firstEventAt");
        }
    }
}
