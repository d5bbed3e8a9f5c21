package dev.pulse.topologies.state;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decoded copies of one key-value store's partitions whose active task runs on this instance, kept
 * by the processor that is the store's only writer, so readers skip the interactive query and the
 * decoding of each value (a portfolio asks for dozens of scores per request).
 *
 * <p>A partition is here from its processor's {@code init} (after restoration, loaded from the
 * store) to its {@code close} (the task suspended, moved away or closed, cleanly or not), so it
 * holds exactly what an interactive query of the active store answers, uncommitted writes included.
 * A partition that is not here is read from the store.
 */
public final class ActiveCopies<V> {
    private final Map<Integer, Map<String, V>> partitions = new ConcurrentHashMap<>();

    /**
     * Loads {@code partition}'s copy from {@code store} and publishes it once complete; the writer
     * keeps it in step with every write and removes it on {@link Writer#close()}.
     */
    public Writer<V> open(int partition, KeyValueStore<String, V> store) {
        Map<String, V> copy = new ConcurrentHashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> copy.put(kv.key, kv.value));
        }
        partitions.put(partition, copy);
        return new Writer<>(this, partition, copy);
    }

    /** The copy of {@code partition}, read-only; null when its active task is not running here. */
    public Map<String, V> partition(int partition) {
        Map<String, V> copy = partitions.get(partition);
        return copy == null ? null : Collections.unmodifiableMap(copy);
    }

    /** The processor's handle on its partition's copy. */
    public static final class Writer<V> implements AutoCloseable {
        private final ActiveCopies<V> owner;
        private final int partition;
        private final Map<String, V> copy;

        private Writer(ActiveCopies<V> owner, int partition, Map<String, V> copy) {
            this.owner = owner;
            this.partition = partition;
            this.copy = copy;
        }

        /** The value last written for {@code key}; null when it has none. */
        public V get(String key) {
            return copy.get(key);
        }

        /** The keys with a value. */
        public Set<String> keys() {
            return copy.keySet();
        }

        /** Call after the store write succeeded. */
        public void put(String key, V value) {
            copy.put(key, value);
        }

        /** Removes this copy, not one a later {@code init} of the same partition published. */
        @Override
        public void close() {
            owner.partitions.remove(partition, copy);
        }
    }
}
