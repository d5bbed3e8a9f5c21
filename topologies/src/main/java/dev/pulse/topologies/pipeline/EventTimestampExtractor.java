package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.event.UsageRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the event's own {@code timestamp} field, as the source serde read it, as record time, so
 * windows, grace and stream time follow event time whatever timestamp the producer set. Records
 * without a usable time (malformed, or too far in the future) get the partition's current time:
 * validation dead-letters them, and they must not drag stream time forward, which would make every
 * later valid event look late.
 */
final class EventTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        // Never negative: Kafka Streams would drop the record before validation could see it.
        long fallback = Math.max(0, partitionTime);
        if (!(record.value() instanceof UsageRecord usage)) {
            return fallback;
        }
        long eventTime = usage.eventTimeMs();
        long latestAllowed =
                System.currentTimeMillis() + UsageEventParser.MAX_CLOCK_SKEW.toMillis();
        return eventTime < 0 || eventTime > latestAllowed ? fallback : eventTime;
    }
}
