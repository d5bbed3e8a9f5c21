package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates each record with the same rules as the HTTP ingest: the source serde has parsed it and
 * applied every rule but the clock, which is applied here with the task's wall-clock time. Rejected
 * records keep their bytes and gain headers that say why and where they came from, for the
 * dead-letter topic.
 */
final class EventValidationProcessor
        implements Processor<String, SourceEvent, String, ValidatedEvent> {
    private final PipelineListener listener;
    private ProcessorContext<String, ValidatedEvent> context;

    EventValidationProcessor(PipelineListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, ValidatedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SourceEvent> record) {
        SourceEvent source = record.value() == null ? SourceEvent.of(null) : record.value();
        try {
            UsageEvent event = source.acceptAt(Instant.ofEpochMilli(context.currentSystemTimeMs()));
            if (!event.tenantId().equals(record.key())) {
                throw new InvalidRecordException(
                        "key_mismatch",
                        "record key '"
                                + record.key()
                                + "' must equal the event's tenantId '"
                                + event.tenantId()
                                + "' so that a tenant's events share one partition");
            }
            context.forward(
                    record.<ValidatedEvent>withValue(new ValidatedEvent.Valid(event))
                            .withTimestamp(event.timestamp().toEpochMilli()));
        } catch (InvalidRecordException e) {
            listener.onDeadLetter(e.code());
            Record<String, ValidatedEvent> rejected =
                    record.withValue(
                            new ValidatedEvent.Rejected(source.raw(), e.code(), e.getMessage()));
            rejected.headers()
                    .add(PulseTopics.DLQ_CODE_HEADER, utf8(e.code()))
                    .add(PulseTopics.DLQ_REASON_HEADER, utf8(e.getMessage()))
                    .add(PulseTopics.DLQ_SOURCE_HEADER, utf8(source()));
            context.forward(rejected);
        }
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
