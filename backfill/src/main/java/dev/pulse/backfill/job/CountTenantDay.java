package dev.pulse.backfill.job;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the tenant-days of one grouping key (nearly always one): drops events whose id was already
 * counted that day, adds the others to an {@link EngagementBucket} exactly as the pipeline's
 * counting processor does ({@code add(event)}), and emits the day once all its events are in. In
 * BATCH mode the input arrives grouped by key and event-time timers fire when a key's input ends,
 * so the state is one key's at a time, held on the heap without being serialized. The key is a hash
 * ({@link TenantDayKey}); the rare tenant-days that share one are kept apart here.
 */
final class CountTenantDay extends KeyedProcessFunction<Long, KeyedEvent, TenantDayRow> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Days> state;
    private transient LongCounter duplicates;
    private transient LongCounter days;

    @Override
    public void open(OpenContext context) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "tenant-days", TypeInformation.of(Days.class)));
        duplicates = getRuntimeContext().getLongCounter(BackfillJob.EVENTS_DUPLICATE);
        days = getRuntimeContext().getLongCounter(BackfillJob.TENANT_DAYS);
    }

    @Override
    public void processElement(KeyedEvent keyed, Context context, Collector<TenantDayRow> out)
            throws Exception {
        Days tenantDays = state.value();
        if (tenantDays == null) {
            tenantDays = new Days();
            state.update(tenantDays);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        Day day = tenantDays.of(keyed.tenantId(), keyed.epochDay());
        if (!day.eventIds.add(keyed.eventId())) {
            duplicates.add(1);
            return;
        }
        day.events.add(keyed.event());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<TenantDayRow> out)
            throws Exception {
        Days tenantDays = state.value();
        if (tenantDays == null) {
            return;
        }
        for (Map.Entry<TenantDay, Day> entry : tenantDays.byTenantDay.entrySet()) {
            Day day = entry.getValue();
            EngagementBucket bucket = day.count();
            out.collect(
                    new TenantDayRow(
                            entry.getKey().tenant(),
                            entry.getKey().epochDay(),
                            EngagementBucketSerde.toBytes(bucket),
                            day.events.get(0).timestamp().toEpochMilli(),
                            day.events.get(day.events.size() - 1).timestamp().toEpochMilli(),
                            bucket.events()));
            days.add(1);
        }
        state.clear();
    }

    /** The tenant-days of one key: nearly always one. */
    static final class Days {
        final Map<TenantDay, Day> byTenantDay = new HashMap<>(2);

        Day of(String tenant, long epochDay) {
            return byTenantDay.computeIfAbsent(new TenantDay(tenant, epochDay), k -> new Day());
        }
    }

    record TenantDay(String tenant, long epochDay) {}

    /** One tenant-day being collected. */
    static final class Day {
        final Set<String> eventIds = new HashSet<>();
        final List<UsageEvent> events = new ArrayList<>();

        /**
         * The day's bucket, events added in event-time order as a replay adds them: the
         * distinct-users sketch's estimate depends on the order it saw users in, and the shuffle
         * delivers them in no particular order.
         */
        EngagementBucket count() {
            events.sort(IN_EVENT_TIME);
            EngagementBucket bucket = new EngagementBucket();
            events.forEach(bucket::add);
            return bucket;
        }
    }

    private static final Comparator<UsageEvent> IN_EVENT_TIME =
            Comparator.comparing(UsageEvent::timestamp).thenComparing(UsageEvent::eventId);
}
