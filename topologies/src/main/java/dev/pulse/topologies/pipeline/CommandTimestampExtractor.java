package dev.pulse.topologies.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * People's commands (ack, snooze, follow-ups) share a task with the usage events, and their record
 * time is the wall clock. Left as it is, one command during a replay would pull the task's stream
 * time to today, and the replay's days would be judged as if they were over. Commands therefore
 * keep their partition's time and never move stream time: stream time stays event time.
 */
final class CommandTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return Math.max(0, partitionTime);
    }
}
