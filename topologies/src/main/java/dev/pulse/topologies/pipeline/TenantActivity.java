package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;

/**
 * What scoring needs to know of new engagement: a tenant was active between two event times. One
 * counted event is an instant; a backfilled day spans its first and last event.
 *
 * @param firstMs the earliest event time, epoch ms
 * @param lastMs the latest event time, epoch ms
 */
record TenantActivity(long firstMs, long lastMs) {
    static TenantActivity of(UsageEvent event) {
        long time = event.timestamp().toEpochMilli();
        return new TenantActivity(time, time);
    }
}
