package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.junit.jupiter.api.Test;

class OnePartitionKeyValueStoreTest {
    private final OnePartitionKeyValueStore<String, String> type =
            new OnePartitionKeyValueStore<>();

    @Test
    void acceptsPlainKeyValueStoresOnly() {
        KeyValueStore<String, String> plain =
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("plain"),
                                Serdes.String(),
                                Serdes.String())
                        .withLoggingDisabled()
                        .build();
        TimestampedKeyValueStore<String, String> timestamped =
                Stores.timestampedKeyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("timestamped"),
                                Serdes.String(),
                                Serdes.String())
                        .withLoggingDisabled()
                        .build();

        assertThat(type.accepts(plain)).isTrue();
        assertThat(type.accepts(timestamped)).isFalse();
    }

    @Test
    void handsOutTheOneStoreItFound() {
        KeyValueStore<String, String> store =
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("scores"),
                                Serdes.String(),
                                Serdes.String())
                        .withLoggingDisabled()
                        .build();

        assertThat(type.create(providing(List.of(store)), "scores")).isSameAs(store);
    }

    @Test
    void refusesAQueryWithoutAPartition() {
        KeyValueStore<String, String> store =
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("scores"),
                                Serdes.String(),
                                Serdes.String())
                        .withLoggingDisabled()
                        .build();

        assertThatThrownBy(() -> type.create(providing(List.of(store, store)), "scores"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be queried with a partition");
    }

    private static StateStoreProvider providing(List<?> stores) {
        return new StateStoreProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> stores(String storeName, QueryableStoreType<T> queryableStoreType) {
                return (List<T>) stores;
            }
        };
    }
}
