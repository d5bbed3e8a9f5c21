package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.state.RecentWrites;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts each event into its tenant's hourly and daily bucket. An event older than stream time
 * minus the grace period is dropped and reported: its windows are closed and may already have been
 * scored.
 *
 * <p>Every update is put to the store at once; the store ({@link
 * dev.pulse.topologies.state.WriteBehindWindowStore}) keeps it as an object and serializes each
 * touched bucket once per commit. What this processor keeps is the decoded copy of the bucket last
 * written for each tenant (one per store, {@link #HOT_TENANTS} tenants at most), so the first event
 * of a busy tenant after a commit does not fetch and decode it again. The copy always equals what
 * this processor last put, and only this processor writes the engagement stores, so it cannot go
 * stale; it starts empty on {@code init}, that is after every restore, revival or migration of the
 * task.
 */
final class EngagementProcessor implements Processor<String, UsageEvent, String, TenantActivity> {
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    /** Most tenants per task whose latest bucket of one store is kept decoded. */
    static final int HOT_TENANTS = 4096;

    private final long graceMs;
    private final PipelineListener listener;
    private ProcessorContext<String, TenantActivity> context;
    private HotBuckets hourly;
    private HotBuckets daily;

    EngagementProcessor(Duration grace, PipelineListener listener) {
        this.graceMs = grace.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, TenantActivity> context) {
        this.context = context;
        this.hourly = new HotBuckets(context.getStateStore(PulseStores.ENGAGEMENT_HOURLY));
        this.daily = new HotBuckets(context.getStateStore(PulseStores.ENGAGEMENT_DAILY));
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        UsageEvent event = record.value();
        long time = event.timestamp().toEpochMilli();
        if (isLate(time)) {
            listener.onLateEvent();
            return;
        }
        hourly.countInto(event, UtcDays.floorMs(time, HOUR_MS));
        daily.countInto(event, UtcDays.floorMs(time, UtcDays.DAY_MS));
        listener.onCounted();
        context.forward(record.withValue(TenantActivity.of(event)));
    }

    /** Late means: the event's hour closed more than the grace period ago in stream time. */
    private boolean isLate(long time) {
        long hourEnd = UtcDays.floorMs(time, HOUR_MS) + HOUR_MS;
        return hourEnd + graceMs <= context.currentStreamTimeMs();
    }

    @Override
    public void close() {
        hourly = null;
        daily = null;
    }

    /** One engagement store with the decoded copy of each hot tenant's latest bucket. */
    private static final class HotBuckets {
        private final WindowStore<String, EngagementBucket> store;
        private final RecentWrites<String, Hot> hot = new RecentWrites<>(HOT_TENANTS);

        HotBuckets(WindowStore<String, EngagementBucket> store) {
            this.store = store;
        }

        void countInto(UsageEvent event, long windowStart) {
            String tenant = event.tenantId();
            EngagementBucket bucket = latest(tenant, windowStart);
            hot.write(
                    tenant,
                    new Hot(windowStart, bucket),
                    () -> store.put(tenant, bucket.add(event), windowStart));
        }

        private EngagementBucket latest(String tenant, long windowStart) {
            Hot last = hot.get(tenant);
            if (last != null && last.windowStart == windowStart) {
                return last.bucket;
            }
            EngagementBucket stored = store.fetch(tenant, windowStart);
            return stored == null ? new EngagementBucket() : stored;
        }
    }

    private record Hot(long windowStart, EngagementBucket bucket) {}
}
