package dev.pulse.streams.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.StateSerdes;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.MeteredKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one key-value store (string keys) of one partition, or a global store, as bytes, and
 * decodes each distinct value once: the decoded value is remembered per key together with the bytes
 * it came from, and handed out again as long as the store still holds exactly those bytes. A read
 * still goes to the store every time; only the decoding (JSON for the score store, most of a
 * portfolio's CPU) is saved, so an answer is never older than the store.
 *
 * <p>Kafka Streams has no public way to read a store's bytes, so this reaches one layer below its
 * metered layer ({@link WrappedStateStore#wrapped()}) and decodes with that layer's own serdes, the
 * ones the topology configured. The store is found through {@link KafkaStreams#store} for one
 * partition on every read, so the stream thread's state, the task's ownership and the store's being
 * open are checked exactly as for a typed read ({@code InvalidStateStoreException} otherwise).
 *
 * <p>Plain and timestamped stores are read (of the latter only the value is handed out, as a typed
 * read does). When the store is not of a shape this knows (versioned, with headers, another Kafka
 * Streams version), {@link #read} answers {@code null} and the caller reads the typed store.
 *
 * @param <V> the decoded value; handed to several callers at once, so it must not be mutated
 */
final class DecodingKeyValueReader<V> {
    private static final Logger LOG = LoggerFactory.getLogger(DecodingKeyValueReader.class);
    private static final Field SERDES = serdesField();

    private final KafkaStreams streams;
    private final String storeName;
    private final UnaryOperator<V> freeze;
    private final Cache<String, Decoded<V>> decoded;
    private volatile boolean unsupported = SERDES == null;

    private record Decoded<V>(byte[] raw, V value) {}

    /**
     * @param freeze applied to each freshly decoded value before it is shared, e.g. to make its
     *     lists unmodifiable
     * @param capacity most keys remembered
     */
    DecodingKeyValueReader(
            KafkaStreams streams, String storeName, UnaryOperator<V> freeze, int capacity) {
        this.streams = streams;
        this.storeName = storeName;
        this.freeze = freeze;
        this.decoded = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /**
     * The values of {@code keys} in {@code partition}'s store (a global store: {@code null}), keys
     * without a value absent; {@code null} when the store cannot be read this way (then read the
     * typed store).
     *
     * @throws org.apache.kafka.streams.errors.InvalidStateStoreException as a typed read would
     */
    Map<String, V> read(Integer partition, Collection<String> keys) {
        if (unsupported) {
            return null;
        }
        StateStore store = store(partition);
        if (!(store instanceof MeteredKeyValueStore<?, ?> metered)
                || WrappedStateStore.isVersioned(store)
                || WrappedStateStore.isHeadersAware(store)) {
            return giveUp("it is a " + store.getClass().getName(), null);
        }
        boolean timestamped = WrappedStateStore.isTimestamped(store);
        StateSerdes<String, ?> serdes;
        try {
            @SuppressWarnings("unchecked")
            StateSerdes<String, ?> found = (StateSerdes<String, ?>) SERDES.get(metered);
            serdes = found;
        } catch (IllegalAccessException | ClassCastException e) {
            return giveUp("its serdes cannot be read", e);
        }
        if (serdes == null) {
            return giveUp("it has no serdes", null);
        }
        KeyValueStore<Bytes, byte[]> bytes = metered.wrapped();
        Map<String, V> result = new HashMap<>();
        for (String key : keys) {
            byte[] raw = bytes.get(Bytes.wrap(serdes.rawKey(key)));
            if (raw != null) {
                V value = decode(key, raw, serdes, timestamped);
                if (value != null) {
                    result.put(key, value);
                }
            }
        }
        return result;
    }

    private V decode(String key, byte[] raw, StateSerdes<String, ?> serdes, boolean timestamped) {
        Decoded<V> known = decoded.getIfPresent(key);
        if (known != null && Arrays.equals(known.raw(), raw)) {
            return known.value();
        }
        Object stored = serdes.valueFrom(raw);
        @SuppressWarnings("unchecked")
        V value =
                (V)
                        (timestamped && stored != null
                                ? ((ValueAndTimestamp<?>) stored).value()
                                : stored);
        if (value == null) {
            return null;
        }
        value = freeze.apply(value);
        decoded.put(key, new Decoded<>(raw, value));
        return value;
    }

    private StateStore store(Integer partition) {
        StoreQueryParameters<StoresSupplier> query =
                StoreQueryParameters.fromNameAndType(storeName, AS_IS);
        List<?> stores =
                streams.store(partition == null ? query : query.withPartition(partition)).get();
        // A global store, or one partition asked for: Kafka Streams answers with one store, or
        // throws (InvalidStateStoreException).
        if (stores.size() != 1) {
            throw new InvalidStateStoreException(
                    "expected one store " + storeName + ", found " + stores.size());
        }
        return (StateStore) stores.get(0);
    }

    private Map<String, V> giveUp(String why, Exception cause) {
        if (!unsupported) {
            unsupported = true;
            LOG.warn(
                    "Store {} is read through its typed interface: {}; decoded values are not"
                            + " remembered",
                    storeName,
                    why,
                    cause);
        }
        return null;
    }

    private static Field serdesField() {
        try {
            Field field = MeteredKeyValueStore.class.getDeclaredField("serdes");
            field.setAccessible(true);
            return field.getType() == StateSerdes.class ? field : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            LoggerFactory.getLogger(DecodingKeyValueReader.class)
                    .warn(
                            "Kafka Streams' metered store has no readable serdes; decoding as"
                                    + " usual",
                            e);
            return null;
        }
    }

    /**
     * Hands out the stores of a name as they are, without the facade a typed store type adds. The
     * supplier's list holds whatever the stream threads' store providers return for this type: the
     * stores themselves.
     */
    private static final QueryableStoreType<StoresSupplier> AS_IS =
            new QueryableStoreType<>() {
                @Override
                public boolean accepts(StateStore stateStore) {
                    return stateStore instanceof KeyValueStore;
                }

                @Override
                public StoresSupplier create(StateStoreProvider provider, String storeName) {
                    return () -> provider.stores(storeName, this);
                }
            };

    /** The stores found at the moment of the call. */
    private interface StoresSupplier {
        List<?> get();
    }
}
