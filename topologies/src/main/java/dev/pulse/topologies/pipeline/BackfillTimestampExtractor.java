package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.engagement.BackfilledDay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * A backfilled day's record time is its last event's time: stream time then reaches each day's end
 * where a replay of the same events would, and the scoring processor closes the days in order.
 */
final class BackfillTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof BackfilledDay day) {
            return day.lastEventAt().toEpochMilli();
        }
        return Math.max(0, partitionTime);
    }
}
