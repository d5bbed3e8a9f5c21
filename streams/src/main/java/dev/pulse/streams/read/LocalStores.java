package dev.pulse.streams.read;

import dev.pulse.topologies.state.BatchGet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * This instance's stores, read through Kafka Streams' public interactive-query API only. A store
 * that cannot be read right now (rebalance, restore, a task moved away, a thread not running) is
 * {@link StateUnavailableException}: the API answers 503, never a stale or partial answer.
 */
final class LocalStores {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The values of {@code keysByPartition} in store {@code name}, one query for all partitions
     * (the store answers {@link BatchGet}); keys without a value are absent.
     */
    <K, V> Map<K, V> batchGet(String name, Map<Integer, List<K>> keysByPartition) {
        if (keysByPartition.isEmpty()) {
            return new HashMap<>();
        }
        StateQueryResult<Map<K, V>> answer;
        try {
            answer =
                    streams.query(
                            StateQueryRequest.inStore(name)
                                    .withQuery(new BatchGet<K, V>(keysByPartition))
                                    .withPartitions(keysByPartition.keySet())
                                    .requireActive());
        } catch (StreamsNotStartedException | IllegalStateException e) {
            throw unavailable(e);
        }
        Map<K, V> found = new HashMap<>();
        for (Integer partition : keysByPartition.keySet()) {
            QueryResult<Map<K, V>> result = answer.getPartitionResults().get(partition);
            if (result == null || result.isFailure()) {
                throw unavailable(
                        new InvalidStateStoreException(
                                name
                                        + " partition "
                                        + partition
                                        + (result == null
                                                ? " is not here"
                                                : ": " + result.getFailureMessage())));
            }
            found.putAll(result.getResult());
        }
        return found;
    }

    /**
     * {@code read} applied to store {@code name}: of one partition, or (a global store, {@code
     * partition} null) the only one. The handle finds its store again on every call and throws
     * while reading too, not only while opening, so both are caught.
     */
    <S, T> T read(String name, QueryableStoreType<S> type, Integer partition, Function<S, T> read) {
        StoreQueryParameters<S> query = StoreQueryParameters.fromNameAndType(name, type);
        try {
            return read.apply(
                    streams.store(partition == null ? query : query.withPartition(partition)));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private StateUnavailableException unavailable(RuntimeException cause) {
        return new StateUnavailableException(
                "state is not queryable right now (" + streams.state() + "); retry shortly",
                RETRY_AFTER,
                cause);
    }
}
