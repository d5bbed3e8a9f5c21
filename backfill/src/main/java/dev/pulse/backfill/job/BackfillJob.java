package dev.pulse.backfill.job;

import java.time.Instant;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.operators.Order;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The backfill as a Flink dataflow over any stream of raw events: parse and validate each event
 * with the pipeline's parser, drop repeated event ids, count each tenant-day into an engagement
 * bucket with the pipeline's own {@code EngagementBucket.add}, and put the days in order (day, then
 * tenant) for the hand-over, so every Kafka partition receives its tenants' days in day order.
 *
 * <p>Runs in BATCH mode: the input is bounded, grouping sorts instead of keeping state for every
 * key at once, and the result is complete or absent.
 */
public final class BackfillJob {
    /** Accumulator names, read for progress and the summary. */
    public static final String EVENTS_READ = "events-read";

    public static final String EVENTS_REJECTED = "events-rejected";
    public static final String EVENTS_DUPLICATE = "events-duplicate";
    public static final String TENANT_DAYS = "tenant-days";

    private BackfillJob() {}

    /** Prepares an environment for a backfill: bounded input, batch execution. */
    public static StreamExecutionEnvironment batch(StreamExecutionEnvironment env) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }

    /**
     * Daily engagement per tenant, one row per tenant-day, in day order.
     *
     * @param now the clock the parser's future-timestamp rule is applied against
     */
    public static DataStream<TenantDayRow> dailyEngagement(DataStream<String> events, Instant now) {
        DataStream<TenantDayRow> days =
                events.flatMap(new ParseEvents(now))
                        .name("parse-events")
                        .keyBy(KeyedEvent::dayKey)
                        .process(new CountTenantDay())
                        .name("count-tenant-days");
        return days.fullWindowPartition()
                .sortPartition(TenantDayRow::dayOrder, Order.ASCENDING)
                .name("in-day-order")
                .setParallelism(1);
    }
}
