package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageRecord;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies the two rules reading leaves to the pipeline: the clock, with the task's wall-clock time,
 * and the record key. Readable records go on at their event time; unreadable ones keep their bytes
 * and gain headers that say why and where they came from, for the dead-letter topic.
 */
final class EventValidationProcessor
        implements Processor<String, UsageRecord, String, UsageRecord> {
    private final PipelineListener listener;
    private ProcessorContext<String, UsageRecord> context;

    EventValidationProcessor(PipelineListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, UsageRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, UsageRecord> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        UsageRecord checked = keyed(record.key(), record.value().checkedAt(now));
        if (checked instanceof UsageRecord.Unreadable unreadable) {
            deadLetter(record.withValue(checked), unreadable.reason());
        } else {
            context.forward(record.withValue(checked).withTimestamp(checked.eventTimeMs()));
        }
    }

    /** A tenant's events must share one partition: the key must be the event's tenant. */
    private static UsageRecord keyed(String key, UsageRecord record) {
        if (!(record instanceof UsageRecord.Readable readable)
                || readable.event().tenantId().equals(key)) {
            return record;
        }
        return new UsageRecord.Unreadable(
                readable.raw(),
                new InvalidRecordException(
                        "key_mismatch",
                        "record key '"
                                + key
                                + "' must equal the event's tenantId '"
                                + readable.event().tenantId()
                                + "' so that a tenant's events share one partition"),
                readable.event().timestamp(),
                false);
    }

    private void deadLetter(Record<String, UsageRecord> record, InvalidRecordException reason) {
        listener.onDeadLetter(reason.code());
        record.headers()
                .add(PulseTopics.DLQ_CODE_HEADER, utf8(reason.code()))
                .add(PulseTopics.DLQ_REASON_HEADER, utf8(reason.getMessage()))
                .add(PulseTopics.DLQ_SOURCE_HEADER, utf8(source()));
        context.forward(record);
    }

    private String source() {
        return context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                .orElse("unknown");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
