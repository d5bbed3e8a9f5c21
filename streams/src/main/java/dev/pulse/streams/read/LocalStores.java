package dev.pulse.streams.read;

import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.state.ActiveCopies;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * This instance's stores, read through Kafka Streams' public interactive-query API only. A store
 * that cannot be read right now (rebalance, restore, a task moved away, a thread not running) is
 * {@link StateUnavailableException}: the API answers 503, never a partial answer. Only stores
 * opened {@link #copies()} read standby and restoring copies; their callers mark the answer stale.
 */
final class LocalStores {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final KafkaStreams streams;
    private final boolean copiesToo;
    private final ActiveCopies<HealthScore> currentScores;

    LocalStores(KafkaStreams streams, ActiveCopies<HealthScore> currentScores) {
        this(streams, false, currentScores);
    }

    private LocalStores(
            KafkaStreams streams, boolean copiesToo, ActiveCopies<HealthScore> currentScores) {
        this.streams = streams;
        this.copiesToo = copiesToo;
        this.currentScores = currentScores;
    }

    /** The same stores, standby and restoring copies included ({@code enableStaleStores}). */
    LocalStores copies() {
        return new LocalStores(streams, true, currentScores);
    }

    /**
     * The decoded current scores of {@code partition} as its running active task keeps them; null
     * when it does not run here (or these are {@link #copies()}, which read the store).
     */
    Map<String, HealthScore> currentScores(int partition) {
        return copiesToo ? null : currentScores.partition(partition);
    }

    KafkaStreams streams() {
        return streams;
    }

    /**
     * {@code read} applied to store {@code name}: of one partition, or (a global store, {@code
     * partition} null) the only one. The handle finds its store again on every call and throws
     * while reading too, not only while opening, so both are caught.
     */
    <S, T> T read(String name, QueryableStoreType<S> type, Integer partition, Function<S, T> read) {
        StoreQueryParameters<S> query = StoreQueryParameters.fromNameAndType(name, type);
        if (copiesToo) {
            query = query.enableStaleStores();
        }
        try {
            return read.apply(
                    streams.store(partition == null ? query : query.withPartition(partition)));
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException(
                    "state is not queryable right now (" + streams.state() + "); retry shortly",
                    RETRY_AFTER,
                    e);
        }
    }
}
