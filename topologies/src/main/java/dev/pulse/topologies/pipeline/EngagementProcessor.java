package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
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
 */
final class EngagementProcessor implements Processor<String, UsageEvent, String, UsageEvent> {
    static final long HOUR_MS = Duration.ofHours(1).toMillis();
    static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final long graceMs;
    private final PipelineListener listener;
    private ProcessorContext<String, UsageEvent> context;
    private WindowStore<String, EngagementBucket> hourly;
    private WindowStore<String, EngagementBucket> daily;

    EngagementProcessor(Duration grace, PipelineListener listener) {
        this.graceMs = grace.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, UsageEvent> context) {
        this.context = context;
        this.hourly = context.getStateStore(PulseStores.ENGAGEMENT_HOURLY);
        this.daily = context.getStateStore(PulseStores.ENGAGEMENT_DAILY);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        UsageEvent event = record.value();
        long time = event.timestamp().toEpochMilli();
        if (isLate(time)) {
            listener.onLateEvent();
            return;
        }
        countInto(hourly, event, time - Math.floorMod(time, HOUR_MS));
        countInto(daily, event, time - Math.floorMod(time, DAY_MS));
        listener.onCounted();
        context.forward(record);
    }

    /** Late means: the event's hour closed more than the grace period ago in stream time. */
    private boolean isLate(long time) {
        long hourEnd = time - Math.floorMod(time, HOUR_MS) + HOUR_MS;
        return hourEnd + graceMs <= context.currentStreamTimeMs();
    }

    private static void countInto(
            WindowStore<String, EngagementBucket> store, UsageEvent event, long windowStart) {
        EngagementBucket bucket = store.fetch(event.tenantId(), windowStart);
        store.put(
                event.tenantId(),
                (bucket == null ? new EngagementBucket() : bucket).add(event),
                windowStart);
    }
}
