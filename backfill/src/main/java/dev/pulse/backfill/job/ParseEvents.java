package dev.pulse.backfill.job;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.event.UsageRecord;
import dev.pulse.topologies.time.UtcDays;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads each raw event with the pipeline's own parser and applies every rule the pipeline applies
 * to a record (the clock rule with the job's start as "now"); rejected events are counted, not
 * emitted. Files carry no record key, so the pipeline's key rule has nothing to check.
 */
final class ParseEvents extends RichFlatMapFunction<String, KeyedEvent> {
    private static final long serialVersionUID = 1L;

    private final long nowMs;
    private transient LongCounter read;
    private transient LongCounter rejected;

    ParseEvents(Instant now) {
        this.nowMs = now.toEpochMilli();
    }

    @Override
    public void open(OpenContext context) {
        read = getRuntimeContext().getLongCounter(BackfillJob.EVENTS_READ);
        rejected = getRuntimeContext().getLongCounter(BackfillJob.EVENTS_REJECTED);
    }

    @Override
    public void flatMap(String json, Collector<KeyedEvent> out) {
        read.add(1);
        UsageRecord record =
                UsageEventParser.read(json.getBytes(StandardCharsets.UTF_8))
                        .checkedAt(Instant.ofEpochMilli(nowMs));
        if (!(record instanceof UsageRecord.Readable readable)) {
            rejected.add(1);
            return;
        }
        UsageEvent event = readable.event();
        long day = UtcDays.epochDayOfMs(event.timestamp().toEpochMilli());
        out.collect(KeyedEvent.of(TenantDayKey.of(event.tenantId(), day), event));
    }
}
