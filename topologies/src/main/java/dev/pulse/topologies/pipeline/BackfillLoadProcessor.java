package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Loads a backfilled day into the daily engagement store and hands the day's activity to scoring,
 * stamped with its last event time, so stream time moves through the backfill as it moves through a
 * replay of the same events and the scoring processor closes each day the same way.
 *
 * <p>The day's bucket replaces what the store holds for that tenant-day, so loading the same
 * backfill twice counts nothing twice. Hourly engagement is not backfilled.
 */
final class BackfillLoadProcessor
        implements Processor<String, BackfilledDay, String, TenantActivity> {
    private final PipelineListener listener;
    private ProcessorContext<String, TenantActivity> context;
    private WindowStore<String, EngagementBucket> daily;

    BackfillLoadProcessor(PipelineListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, TenantActivity> context) {
        this.context = context;
        this.daily = context.getStateStore(PulseStores.ENGAGEMENT_DAILY);
    }

    @Override
    public void process(Record<String, BackfilledDay> record) {
        BackfilledDay day = record.value();
        if (day == null || !day.tenantId().equals(record.key())) {
            listener.onDeadLetter("backfill_key_mismatch");
            return;
        }
        daily.put(day.tenantId(), day.bucket(), UtcDays.startMs(day.day()));
        listener.onBackfilledDay();
        long last = day.lastEventAt().toEpochMilli();
        context.forward(
                new Record<>(
                        record.key(),
                        new TenantActivity(day.firstEventAt().toEpochMilli(), last),
                        last,
                        record.headers()));
    }
}
