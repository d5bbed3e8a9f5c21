package dev.pulse.backfill.job;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts one tenant-day: drops events whose id was already counted that day, adds the others to an
 * {@link EngagementBucket} exactly as the pipeline's counting processor does ({@code add(event)}),
 * and emits the day once all its events are in. In BATCH mode the input arrives grouped by key and
 * event-time timers fire when a key's input ends, so the state is one day's at a time, held on the
 * heap without being serialized.
 */
final class CountTenantDay extends KeyedProcessFunction<String, KeyedEvent, TenantDayRow> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Day> state;
    private transient LongCounter duplicates;
    private transient LongCounter days;

    @Override
    public void open(OpenContext context) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "tenant-day", TypeInformation.of(Day.class)));
        duplicates = getRuntimeContext().getLongCounter(BackfillJob.EVENTS_DUPLICATE);
        days = getRuntimeContext().getLongCounter(BackfillJob.TENANT_DAYS);
    }

    @Override
    public void processElement(KeyedEvent keyed, Context context, Collector<TenantDayRow> out)
            throws Exception {
        Day day = state.value();
        if (day == null) {
            day = new Day();
            state.update(day);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (!day.eventIds.add(keyed.eventId())) {
            duplicates.add(1);
            return;
        }
        day.events.add(keyed.event());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<TenantDayRow> out)
            throws Exception {
        Day day = state.value();
        if (day == null) {
            return;
        }
        EngagementBucket bucket = day.count();
        String key = context.getCurrentKey();
        int separator = key.lastIndexOf('\u0000');
        out.collect(
                new TenantDayRow(
                        key.substring(0, separator),
                        Long.parseLong(key.substring(separator + 1)),
                        EngagementBucketSerde.toBytes(bucket),
                        day.events.get(0).timestamp().toEpochMilli(),
                        day.events.get(day.events.size() - 1).timestamp().toEpochMilli(),
                        bucket.events()));
        days.add(1);
        state.clear();
    }

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
