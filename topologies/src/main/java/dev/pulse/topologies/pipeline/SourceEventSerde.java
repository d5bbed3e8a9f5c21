package dev.pulse.topologies.pipeline;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads {@code pulse.usage-events.v1} values into {@link SourceEvent}s. It never fails: a value
 * that is not a valid event becomes a rejected {@code SourceEvent}, which validation sends to the
 * dead-letter topic with its reason, exactly as when the topology read raw bytes. Writing gives
 * back the raw bytes.
 */
final class SourceEventSerde implements Serde<SourceEvent> {

    @Override
    public Serializer<SourceEvent> serializer() {
        return (topic, event) -> event == null ? null : event.raw();
    }

    @Override
    public Deserializer<SourceEvent> deserializer() {
        return (topic, bytes) -> SourceEvent.of(bytes);
    }
}
