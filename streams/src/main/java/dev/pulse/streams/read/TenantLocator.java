package dev.pulse.streams.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * Where a tenant's state lives: the instance and partition Kafka Streams names for the tenant. All
 * tenant stores are co-partitioned by tenant id (one sub-topology), so the score store's answer
 * holds for every tenant store.
 *
 * <p>Answers given while Kafka Streams runs are kept for a second: asking costs Kafka Streams a
 * copy of its topic sets per key, a tenth of a portfolio request's CPU when asked per tenant. A
 * read routed by an answer a rebalance has just outdated fails as unavailable and is retried, as it
 * would be when the rebalance starts between asking and reading.
 */
final class TenantLocator {
    private static final Serializer<String> KEY = Serdes.String().serializer();
    private static final Duration KEPT_FOR = Duration.ofSeconds(1);

    private final KafkaStreams streams;
    private final Cache<String, KeyQueryMetadata> recent =
            Caffeine.newBuilder().expireAfterWrite(KEPT_FOR).maximumSize(1_000_000).build();

    TenantLocator(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * @throws StateUnavailableException while ownership is being (re)assigned
     */
    KeyQueryMetadata locate(String tenantId) {
        KeyQueryMetadata known = recent.getIfPresent(tenantId);
        if (known != null) {
            return known;
        }
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(PulseStores.HEALTH_SCORES, tenantId, KEY);
        } catch (IllegalStateException e) {
            throw rebalancing(e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw rebalancing(null);
        }
        if (streams.state() == KafkaStreams.State.RUNNING) {
            recent.put(tenantId, metadata);
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
