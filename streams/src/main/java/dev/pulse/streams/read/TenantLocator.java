package dev.pulse.streams.read;

import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * Where a tenant's state lives: the instance and partition Kafka Streams names for the tenant. All
 * tenant stores are co-partitioned by tenant id (one sub-topology), so the score store's answer
 * holds for every tenant store. Asked once per tenant per read.
 */
final class TenantLocator {
    private static final Serializer<String> KEY = Serdes.String().serializer();

    private final KafkaStreams streams;

    TenantLocator(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * @throws StateUnavailableException while ownership is being (re)assigned
     */
    KeyQueryMetadata locate(String tenantId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(PulseStores.HEALTH_SCORES, tenantId, KEY);
        } catch (IllegalStateException e) {
            throw rebalancing(e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw rebalancing(null);
        }
        return metadata;
    }

    private StateUnavailableException rebalancing(Throwable cause) {
        return new StateUnavailableException(
                "tenant ownership is being (re)assigned (" + streams.state() + "); retry shortly",
                Duration.ofSeconds(1),
                cause);
    }
}
