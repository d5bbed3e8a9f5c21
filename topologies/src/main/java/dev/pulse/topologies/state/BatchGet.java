package dev.pulse.topologies.state;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.query.Query;

/**
 * An interactive query for many keys of a key-value store at once, grouped by the partition that
 * holds them; answered per partition by a {@link BatchReadableKeyValueStore}. Kafka Streams finds a
 * store's tasks again on every read, which cost a portfolio request more than reading its scores
 * did when it was done once per key.
 *
 * @param keysByPartition the keys to read in each partition's store
 */
public record BatchGet<K, V>(Map<Integer, List<K>> keysByPartition) implements Query<Map<K, V>> {
    public BatchGet {
        keysByPartition = Map.copyOf(keysByPartition);
    }
}
