package dev.pulse.streams.runtime;

import dev.pulse.topologies.pipeline.PipelineListener;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be read or processed must not stop the stream thread. It is logged, counted,
 * and (where its source bytes are known) written to the dead-letter topic with the reason; the
 * thread continues. Infrastructure failures are not data errors and are not handled here: they
 * surface through the uncaught exception handler.
 */
public final class DeadLetterHandlers
        implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    /** Streams config key under which the launcher passes its {@link PipelineListener}. */
    public static final String LISTENER_CONFIG = "pulse.pipeline.listener";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);
    private PipelineListener listener = PipelineListener.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(LISTENER_CONFIG) instanceof PipelineListener configured) {
            listener = configured;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
        LOG.warn(
                "Skipping unreadable record {}-{}@{}: {}",
                context.topic(),
                context.partition(),
                context.offset(),
                e.getMessage());
        listener.onDeadLetter("unreadable");
        return DeserializationExceptionHandler.Response.resume(
                deadLetter(context, record.key(), record.value(), "unreadable", e));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception e) {
        LOG.error(
                "Processing failed in {} for record {}-{}@{}; dead-lettered",
                context.processorNodeId(),
                context.topic(),
                context.partition(),
                context.offset(),
                e);
        listener.onDeadLetter("processing_error");
        return ProcessingExceptionHandler.Response.resume(
                deadLetter(
                        context,
                        context.sourceRawKey(),
                        context.sourceRawValue(),
                        "processing_error",
                        e));
    }

    private static List<ProducerRecord<byte[], byte[]>> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, String code, Exception e) {
        // Only usage events have a dead-letter topic; other inputs are logged and counted.
        if (value == null || !PulseTopics.USAGE_EVENTS.name().equals(context.topic())) {
            return List.of();
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(PulseTopics.DLQ_CODE_HEADER, utf8(code));
        headers.add(PulseTopics.DLQ_REASON_HEADER, utf8(String.valueOf(e.getMessage())));
        headers.add(
                PulseTopics.DLQ_SOURCE_HEADER,
                utf8(context.topic() + "-" + context.partition() + "@" + context.offset()));
        return List.of(
                new ProducerRecord<>(
                        PulseTopics.USAGE_EVENTS_DEAD_LETTER.name(), null, key, value, headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
