package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.funnel.FunnelProgress;
import dev.pulse.topologies.funnel.FunnelStep;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.state.RecentWrites;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Moves each user through the funnels with the de-duplicated events ({@link FunnelProgress}), and
 * counts every step reached into the tenant's day in {@code funnel-daily}, by event time.
 *
 * <p>An event whose type no step has is skipped before any store is touched: most events are. An
 * event of a step that is late by the engagement rule (its hour closed more than the grace period
 * ago in stream time) is dropped and reported, so the funnels and engagement drop the same events.
 * Only the processor writes its two stores, and it writes them in the order of the partition, so a
 * replay of the same events builds the same stores.
 */
final class FunnelProcessor implements Processor<String, UsageEvent, Void, Void> {
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    /**
     * Most users (per funnel) whose progress, read or written, and tenants whose day last written
     * are kept decoded per task.
     */
    static final int RECENT_USERS = 16_384;

    static final int RECENT_TENANTS = 4096;

    private final List<Indexed> funnels;
    private final Set<String> stepTypes;
    private final long graceMs;
    private final PipelineListener listener;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, FunnelProgress> progress;
    private WindowStore<String, FunnelDay> daily;
    private ChangelogOffsets offsets;

    /** Decoded copies of the progress last read or written, and of the day last written. */
    private RecentWrites<String, FunnelProgress> recentProgress;

    private RecentWrites<String, FunnelDay> recentDays;

    FunnelProcessor(FunnelDefinitions definitions, Duration grace, PipelineListener listener) {
        this.funnels = definitions.funnels().stream().map(Indexed::new).toList();
        this.stepTypes = definitions.stepTypes();
        this.graceMs = grace.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.progress = context.getStateStore(PulseStores.FUNNEL_PROGRESS);
        this.daily = context.getStateStore(PulseStores.FUNNEL_DAILY);
        // Written only when users reach steps: a task may go long without a write.
        this.offsets = new ChangelogOffsets(context).keyValue(progress).window(daily);
        this.recentProgress = new RecentWrites<>(RECENT_USERS);
        this.recentDays = new RecentWrites<>(RECENT_TENANTS);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        offsets.ensure();
        UsageEvent event = record.value();
        if (!stepTypes.contains(event.type()) || event.userId() == null) {
            return;
        }
        long time = event.timestamp().toEpochMilli();
        if (isLate(time)) {
            listener.onFunnelLateEvent();
            return;
        }
        for (Indexed indexed : funnels) {
            if (indexed.anyStepMatches(event)) {
                advance(indexed.funnel, event, time);
            }
        }
    }

    private void advance(Funnel funnel, UsageEvent event, long time) {
        String key = key(event.tenantId(), funnel.id(), event.userId());
        FunnelProgress.Step step = FunnelProgress.apply(progressOf(key), funnel, event);
        if (!step.changed()) {
            return;
        }
        recentProgress.write(key, step.progress(), () -> progress.put(key, step.progress()));
        long day = UtcDays.floorMs(time, UtcDays.DAY_MS);
        String tenant = event.tenantId();
        FunnelDay current =
                dayOf(tenant, day)
                        .plus(
                                funnel.id(),
                                funnel.steps().size(),
                                step.newStep(),
                                step.sincePreviousMs());
        recentDays.write(tenant, current, () -> daily.put(tenant, current, day));
    }

    private FunnelProgress progressOf(String key) {
        FunnelProgress recent = recentProgress.get(key);
        if (recent != null) {
            return recent;
        }
        // Most events leave a user's progress unchanged: keep what was read, not only writes.
        FunnelProgress stored = progress.get(key);
        if (stored != null) {
            recentProgress.remember(key, stored);
        }
        return stored;
    }

    /** The tenant's counts of {@code day}: the copy last written when it is of that day. */
    private FunnelDay dayOf(String tenant, long day) {
        FunnelDay recent = recentDays.get(tenant);
        if (recent != null && recent.day().toEpochMilli() == day) {
            return recent;
        }
        FunnelDay stored = daily.fetch(tenant, day);
        return stored == null ? FunnelDay.empty(Instant.ofEpochMilli(day)) : stored;
    }

    /** The {@code funnel-progress} key of a user in a funnel. */
    static String key(String tenantId, String funnelId, String userId) {
        return tenantId + "/" + funnelId + "/" + userId;
    }

    /** Late as {@link EngagementProcessor} has it: the event's hour closed beyond the grace. */
    private boolean isLate(long time) {
        long hourEnd = UtcDays.floorMs(time, HOUR_MS) + HOUR_MS;
        return hourEnd + graceMs <= context.currentStreamTimeMs();
    }

    /**
     * A funnel with its steps at hand, so an event that is none of them (a feature no step names,
     * the most common case) skips the funnel without reading the user's progress.
     */
    private static final class Indexed {
        final Funnel funnel;

        Indexed(Funnel funnel) {
            this.funnel = funnel;
        }

        boolean anyStepMatches(UsageEvent event) {
            for (FunnelStep step : funnel.steps()) {
                if (step.matches(event)) {
                    return true;
                }
            }
            return false;
        }
    }
}
