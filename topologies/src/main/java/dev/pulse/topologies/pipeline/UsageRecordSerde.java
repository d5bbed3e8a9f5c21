package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.event.UsageRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads {@code pulse.usage-events.v1} values into {@link UsageRecord}s, before the timestamp
 * extractor runs, so each record's JSON is parsed once. A value that is not a valid event becomes
 * an unreadable record, which validation sends to the dead-letter topic with its reason. Writing
 * gives back the raw bytes.
 */
final class UsageRecordSerde implements Serde<UsageRecord> {

    @Override
    public Serializer<UsageRecord> serializer() {
        return (topic, record) -> record == null ? null : record.raw();
    }

    @Override
    public Deserializer<UsageRecord> deserializer() {
        return (topic, bytes) -> UsageEventParser.read(bytes);
    }
}
