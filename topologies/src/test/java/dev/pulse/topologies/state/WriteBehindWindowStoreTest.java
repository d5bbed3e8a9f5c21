package dev.pulse.topologies.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.WithRetentionPeriod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the writing thread and the other threads see of a write-behind store before and after a
 * flush. That Kafka Streams flushes it before every commit is shown on a real broker by {@code
 * EngagementCrashIT} (app).
 */
class WriteBehindWindowStoreTest {
    private static final long DAY = Duration.ofDays(1).toMillis();

    private WindowStore<String, Long> store;

    @BeforeEach
    void open() {
        store =
                WriteBehindWindowStore.over(
                                Stores.windowStoreBuilder(
                                                Stores.inMemoryWindowStore(
                                                        "counts",
                                                        Duration.ofDays(30),
                                                        Duration.ofDays(1),
                                                        false),
                                                Serdes.String(),
                                                Serdes.Long())
                                        .withLoggingDisabled())
                        .build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theWriterReadsWhatItWroteBeforeAnyFlush() {
        store.put("a", 1L, 0);
        store.put("a", 2L, DAY);
        store.put("a", 3L, DAY); // the same window again: the last value counts
        store.put("b", 7L, DAY);

        assertThat(store.fetch("a", DAY)).isEqualTo(3L);
        assertThat(store.fetch("a", 2 * DAY)).isNull();
        assertThat(windows(() -> store.fetch("a", 0, 5 * DAY)))
                .containsExactly(KeyValue.pair(0L, 1L), KeyValue.pair(DAY, 3L));
        assertThat(windows(() -> store.backwardFetch("a", 0, 5 * DAY)))
                .containsExactly(KeyValue.pair(DAY, 3L), KeyValue.pair(0L, 1L));
        assertThat(pending()).isEqualTo(3);
    }

    @Test
    void theInstantFormsThatQueriesCallReadTheSameWindows() {
        store.put("a", 1L, 0);
        store.put("a", 2L, DAY);
        flush();
        store.put("a", 3L, 2 * DAY);

        assertThat(windows(() -> store.fetch("a", Instant.EPOCH, Instant.ofEpochMilli(5 * DAY))))
                .containsExactly(
                        KeyValue.pair(0L, 1L), KeyValue.pair(DAY, 2L), KeyValue.pair(2 * DAY, 3L));
        assertThat(
                        windows(
                                () ->
                                        store.backwardFetch(
                                                "a", Instant.ofEpochMilli(DAY), Instant.now())))
                .containsExactly(KeyValue.pair(2 * DAY, 3L), KeyValue.pair(DAY, 2L));
        assertThatThrownBy(() -> store.fetch("a", Instant.EPOCH, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeTo");
    }

    @Test
    void pendingWindowsAreLaidOverTheStoredOnes() {
        store.put("a", 1L, 0);
        store.put("a", 2L, DAY);
        store.put("a", 3L, 2 * DAY);
        flush();

        store.put("a", 20L, DAY);
        store.put("a", null, 2 * DAY); // deleted, not yet written down
        store.put("a", 4L, 3 * DAY);

        assertThat(windows(() -> store.fetch("a", 0, 3 * DAY)))
                .containsExactly(
                        KeyValue.pair(0L, 1L), KeyValue.pair(DAY, 20L), KeyValue.pair(3 * DAY, 4L));
        assertThat(windows(() -> store.fetch("a", DAY, DAY)))
                .containsExactly(KeyValue.pair(DAY, 20L));
        assertThat(store.fetch("a", 2 * DAY)).isNull();
        // Outside the pending windows the store below answers as it is.
        assertThat(windows(() -> store.fetch("a", 0, 0))).containsExactly(KeyValue.pair(0L, 1L));
    }

    @Test
    void otherThreadsSeeTheStoreAsOfTheLastFlush() {
        store.put("a", 1L, DAY);
        flush();
        store.put("a", 2L, DAY);
        store.put("a", 5L, 2 * DAY);

        assertThat(onOtherThread(() -> store.fetch("a", DAY))).isEqualTo(1L);
        assertThat(onOtherThread(() -> windows(() -> store.fetch("a", 0, 5 * DAY))))
                .containsExactly(KeyValue.pair(DAY, 1L));

        flush();
        assertThat(pending()).isZero();
        assertThat(onOtherThread(() -> windows(() -> store.fetch("a", 0, 5 * DAY))))
                .containsExactly(KeyValue.pair(DAY, 2L), KeyValue.pair(2 * DAY, 5L));
    }

    @Test
    void theWriterKeepsUpdatingTheObjectItPut() {
        List<String> seen = new ArrayList<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serde<List<String>> listSerde = (Serde) Serdes.ListSerde(ArrayList.class, Serdes.String());
        WriteBehindWindowStore<String, List<String>> lists =
                new WriteBehindWindowStore<>(
                        Stores.windowStoreBuilder(
                                        Stores.inMemoryWindowStore(
                                                "lists",
                                                Duration.ofDays(30),
                                                Duration.ofDays(1),
                                                false),
                                        Serdes.String(),
                                        listSerde)
                                .withLoggingDisabled()
                                .build());
        lists.init(new MockProcessorContext<>().getStateStoreContext(), lists);
        try {
            lists.put("a", seen, 0);
            lists.fetch("a", 0).add("x");
            assertThat(lists.fetch("a", 0)).isSameAs(seen).containsExactly("x");
            lists.flushCache();
            assertThat(onOtherThread(() -> lists.fetch("a", 0))).containsExactly("x");
        } finally {
            lists.close();
        }
    }

    @Test
    void aDirtyCloseOrAClearedCacheDropsWhatIsPending() {
        store.put("a", 1L, DAY);
        flush();
        store.put("a", 2L, DAY);
        ((WriteBehindWindowStore<String, Long>) store).clearCache();

        assertThat(pending()).isZero();
        assertThat(store.fetch("a", DAY)).isEqualTo(1L);
    }

    @Test
    void readsAcrossKeysWriteThePendingWindowsDownFirst() {
        store.put("a", 1L, DAY);
        store.put("b", 2L, DAY);

        List<KeyValue<String, Long>> all = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> all.add(KeyValue.pair(kv.key.key(), kv.value)));
        }
        assertThat(all).containsExactly(KeyValue.pair("a", 1L), KeyValue.pair("b", 2L));
        assertThat(pending()).isZero();
    }

    @Test
    void restoresSeeTheRetentionOfTheStoreBelow() {
        // Without it Kafka Streams restores the whole changelog, expired windows included.
        assertThat(WithRetentionPeriod.resolveRetentionPeriod(store))
                .isEqualTo(Duration.ofDays(30).toMillis());
    }

    private void flush() {
        ((WriteBehindWindowStore<String, Long>) store).flushCache();
    }

    private int pending() {
        return ((WriteBehindWindowStore<String, Long>) store).pendingWindows();
    }

    private static <V> List<KeyValue<Long, V>> windows(Supplier<WindowStoreIterator<V>> fetch) {
        List<KeyValue<Long, V>> windows = new ArrayList<>();
        try (WindowStoreIterator<V> it = fetch.get()) {
            it.forEachRemaining(windows::add);
        }
        return windows;
    }

    private static <T> T onOtherThread(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, runnable -> new Thread(runnable).start()).join();
    }
}
