package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose id was already seen for the same tenant within the de-duplication window
 * (at-least-once producers re-send). Ids are kept in a windowed store so old ones expire.
 */
final class DeduplicationProcessor implements Processor<String, UsageEvent, String, UsageEvent> {
    private final long windowMs;
    private final PipelineListener listener;
    private ProcessorContext<String, UsageEvent> context;
    private WindowStore<String, Long> seen;

    DeduplicationProcessor(Duration window, PipelineListener listener) {
        this.windowMs = window.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, UsageEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(PulseStores.EVENT_IDS);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        UsageEvent event = record.value();
        String key = event.tenantId() + '/' + event.eventId();
        long time = event.timestamp().toEpochMilli();
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(key, time - windowMs, time + windowMs)) {
            if (earlier.hasNext()) {
                listener.onDuplicate();
                return;
            }
        }
        seen.put(key, time, time);
        context.forward(record);
    }
}
