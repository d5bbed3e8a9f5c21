package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops an event whose id was already seen for the same tenant within the de-duplication window
 * (at-least-once producers re-send). Ids are kept in a windowed store so old ones expire; the store
 * is the truth, and {@link RecentIds} in front of it spares the store's range fetch for ids it
 * certainly does not hold.
 */
final class DeduplicationProcessor implements Processor<String, UsageEvent, String, UsageEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DeduplicationProcessor.class);

    private final long windowMs;
    private final long filterBytes;
    private final PipelineListener listener;
    private ProcessorContext<String, UsageEvent> context;
    private WindowStore<String, Long> seen;
    private RecentIds recent;

    DeduplicationProcessor(Duration window, long filterBytes, PipelineListener listener) {
        this.windowMs = window.toMillis();
        this.filterBytes = filterBytes;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, UsageEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(PulseStores.EVENT_IDS);
        // Also after a crash: the store was rolled back to its last commit, the filter was not.
        this.recent = null;
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        if (recent == null) {
            recent = rebuiltFromStore();
        }
        UsageEvent event = record.value();
        String key = event.tenantId() + '/' + event.eventId();
        long time = event.timestamp().toEpochMilli();
        if (recent.mightContain(key, time)) {
            listener.onIdLookedUpInStore();
            if (storeHolds(key, time)) {
                listener.onDuplicate();
                return;
            }
        }
        seen.put(key, time, time);
        if (recent.add(key, time)) {
            warnFilterFull(recent, time);
        }
        context.forward(record);
    }

    private boolean storeHolds(String key, long time) {
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(key, time - windowMs, time + windowMs)) {
            return earlier.hasNext();
        }
    }

    /**
     * The filter must know every id the store holds, including those a previous run stored (read
     * back from the changelog): one pass over the store when the task first processes a record, so
     * a restart's serving does not wait for it.
     */
    private RecentIds rebuiltFromStore() {
        long started = System.nanoTime();
        RecentIds ids = new RecentIds(windowMs, filterBytes);
        long count = 0;
        try (KeyValueIterator<Windowed<String>, Long> all = seen.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                long time = entry.key.window().start();
                if (ids.add(entry.key.key(), time)) {
                    warnFilterFull(ids, time);
                }
                count++;
            }
        }
        (count == 0 ? LOG.atDebug() : LOG.atInfo())
                .log(
                        "Task {}: duplicate check filter rebuilt from {} stored event ids in {} ms"
                                + " ({} KiB)",
                        context.taskId(),
                        count,
                        (System.nanoTime() - started) / 1_000_000,
                        ids.usedBytes() / 1024);
        return ids;
    }

    private void warnFilterFull(RecentIds ids, long time) {
        LOG.warn(
                "Task {}: the duplicate check filter is full ({} KiB) for the event times around"
                    + " {}; their ids are checked in the store, one range fetch per event. Raise"
                    + " pipeline.dedupFilterMegabytes to keep them in memory.",
                context.taskId(),
                ids.usedBytes() / 1024,
                Instant.ofEpochMilli(time));
    }
}
