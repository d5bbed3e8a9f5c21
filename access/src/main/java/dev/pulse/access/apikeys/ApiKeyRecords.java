package dev.pulse.access.apikeys;

import dev.pulse.streams.follow.RecordSink;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each record of the API-key topic to an {@link ApiKeyTable}. Replaying the topic is
 * harmless because the table keeps the newest offset per key.
 */
final class ApiKeyRecords implements RecordSink {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRecords.class);

    private final String topic;
    private final ApiKeyTable table;

    ApiKeyRecords(String topic, ApiKeyTable table) {
        this.topic = topic;
        this.table = table;
    }

    @Override
    public void accept(long offset, String key, byte[] value) {
        table.apply(offset, key, decode(offset, key, value));
    }

    private ApiKey decode(long offset, String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return PulseJson.mapper().readValue(value, ApiKey.class);
        } catch (IOException | RuntimeException e) {
            // Fail closed: a key whose newest record cannot be read authenticates nobody.
            LOG.warn(
                    "Unreadable API-key record for id {} at {} offset {}; treating the key as"
                            + " deleted",
                    key,
                    topic,
                    offset);
            return null;
        }
    }
}
