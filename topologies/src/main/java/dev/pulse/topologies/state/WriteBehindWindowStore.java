package dev.pulse.topologies.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.apache.kafka.streams.state.internals.WithRetentionPeriod;

/**
 * A window store that keeps what its stream thread writes as objects and writes each touched window
 * to the store below once per commit, serialized once, instead of once per update.
 *
 * <p>Kafka Streams' own record cache does the same for the changelog and RocksDB, but it keeps
 * bytes, so every update still serializes the whole value; for the engagement buckets that was a
 * third of counting an event. This layer sits above the metered store and takes its place: before
 * every commit Kafka Streams flushes the caches of the task's stores ({@link #flushCache}), and
 * that is where the pending values go down, so the changelog records of a transaction hold exactly
 * the counts of the input offsets it commits. A crash between commits loses the pending values
 * together with the uncommitted input, which is then read again.
 *
 * <p>Only the stream thread that writes sees pending values; interactive queries (other threads)
 * read the store below, as of the last commit (at most {@code commit.interval.ms} old). A value
 * handed to {@link #put} is kept, not copied: the writer may keep updating the same object and put
 * it again. A dirty close ({@link #close} or {@link #clearCache} without a flush first) drops what
 * is pending, as the uncommitted input will be processed again.
 *
 * <p>{@link CachedStateStore} is Kafka Streams internal; it is the one hook called before the
 * transaction commits. {@link WithRetentionPeriod} (internal too) hands Kafka Streams the retention
 * of the store below, so a restore skips the changelog's expired windows instead of replaying it in
 * full. {@code EngagementCrashIT} (app) pins the first on a real broker (Pulse killed between
 * commits, restarted, every event counted once), {@code RestartIT} the second (no store restored in
 * full).
 */
public final class WriteBehindWindowStore<K, V>
        implements WindowStore<K, V>, CachedStateStore<Windowed<K>, V>, WithRetentionPeriod {
    private final WindowStore<K, V> inner;

    /** Per key, the windows written since the last flush (a null value deletes the window). */
    private final Map<K, NavigableMap<Long, V>> pending = new HashMap<>();

    /** The stream thread that writes; only it sees {@link #pending}. */
    private volatile Thread writer;

    WriteBehindWindowStore(WindowStore<K, V> inner) {
        this.inner = inner;
    }

    /**
     * The store {@code below} builds, with this layer on top. Kafka Streams' record cache is left
     * off: it would only keep a second, serialized copy of the same values.
     */
    public static <K, V> StoreBuilder<WindowStore<K, V>> over(
            StoreBuilder<WindowStore<K, V>> below) {
        below.withCachingDisabled();
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<WindowStore<K, V>> withCachingEnabled() {
                throw new UnsupportedOperationException("a write-behind store is its own cache");
            }

            @Override
            public StoreBuilder<WindowStore<K, V>> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<WindowStore<K, V>> withLoggingEnabled(Map<String, String> config) {
                below.withLoggingEnabled(config);
                return this;
            }

            @Override
            public StoreBuilder<WindowStore<K, V>> withLoggingDisabled() {
                below.withLoggingDisabled();
                return this;
            }

            @Override
            public WindowStore<K, V> build() {
                return new WriteBehindWindowStore<>(below.build());
            }

            @Override
            public Map<String, String> logConfig() {
                return below.logConfig();
            }

            @Override
            public boolean loggingEnabled() {
                return below.loggingEnabled();
            }

            @Override
            public String name() {
                return below.name();
            }
        };
    }

    @Override
    public void put(K key, V value, long windowStartTimestamp) {
        Thread current = Thread.currentThread();
        if (writer != current) {
            writer = current;
        }
        pending.computeIfAbsent(key, k -> new TreeMap<>()).put(windowStartTimestamp, value);
    }

    @Override
    public V fetch(K key, long time) {
        NavigableMap<Long, V> windows = pendingOf(key);
        if (windows != null && windows.containsKey(time)) {
            return windows.get(time);
        }
        return inner.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        NavigableMap<Long, V> windows = pendingIn(key, timeFrom, timeTo);
        return windows == null
                ? inner.fetch(key, timeFrom, timeTo)
                : merged(inner.fetch(key, timeFrom, timeTo), windows, false);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        NavigableMap<Long, V> windows = pendingIn(key, timeFrom, timeTo);
        return windows == null
                ? inner.backwardFetch(key, timeFrom, timeTo)
                : merged(inner.fetch(key, timeFrom, timeTo), windows, true);
    }

    // The Instant forms are what interactive queries call. WindowStore's defaults build their
    // error messages with String.format before every read, a tenth of a point read in a profile.

    @Override
    public WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) {
        return fetch(key, millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo) {
        return backwardFetch(key, millis(timeFrom, "timeFrom"), millis(timeTo, "timeTo"));
    }

    private static long millis(Instant time, String name) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    name + " " + time + " is outside the range of epoch milliseconds", e);
        }
    }

    // Reads across keys are rare (interactive queries, not the pipeline): they see pending values
    // by writing them down first.

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        writePendingIfWriter();
        return inner.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(
            K keyFrom, K keyTo, long timeFrom, long timeTo) {
        writePendingIfWriter();
        return inner.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        writePendingIfWriter();
        return inner.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        writePendingIfWriter();
        return inner.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        writePendingIfWriter();
        return inner.all();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        writePendingIfWriter();
        return inner.backwardAll();
    }

    /** Called by Kafka Streams before every commit: the pending values go down now. */
    @Override
    public void flushCache() {
        writePending();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.flushCache();
        }
    }

    @Override
    public void clearCache() {
        pending.clear();
        if (inner instanceof CachedStateStore<?, ?> cached) {
            cached.clearCache();
        }
    }

    @Override
    public boolean setFlushListener(
            CacheFlushListener<Windowed<K>, V> listener, boolean sendOldValues) {
        return false; // nothing is forwarded on flush: this store only writes down
    }

    @Override
    public void flush() {
        writePending();
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writePending();
        inner.commit(changelogOffsets);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        pending.clear();
        inner.init(context, root);
    }

    @Override
    public void close() {
        pending.clear();
        inner.close();
    }

    @Override
    public long retentionPeriod() {
        return WithRetentionPeriod.resolveRetentionPeriod(inner);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public <R> QueryResult<R> query(
            Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    /** How many windows wait for the next flush; for tests and metrics. */
    public int pendingWindows() {
        int windows = 0;
        for (NavigableMap<Long, V> perKey : pending.values()) {
            windows += perKey.size();
        }
        return windows;
    }

    private NavigableMap<Long, V> pendingOf(K key) {
        return Thread.currentThread() == writer ? pending.get(key) : null;
    }

    private NavigableMap<Long, V> pendingIn(K key, long timeFrom, long timeTo) {
        NavigableMap<Long, V> windows = pendingOf(key);
        if (windows == null || timeFrom > timeTo) {
            return null;
        }
        NavigableMap<Long, V> inRange = windows.subMap(timeFrom, true, timeTo, true);
        return inRange.isEmpty() ? null : inRange;
    }

    private void writePendingIfWriter() {
        if (Thread.currentThread() == writer) {
            writePending();
        }
    }

    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<K, NavigableMap<Long, V>> perKey : pending.entrySet()) {
            for (Map.Entry<Long, V> window : perKey.getValue().entrySet()) {
                inner.put(perKey.getKey(), window.getValue(), window.getKey());
            }
        }
        pending.clear();
    }

    /** The stored windows with the pending ones laid over them, in time order or reversed. */
    private static <V> WindowStoreIterator<V> merged(
            WindowStoreIterator<V> stored, NavigableMap<Long, V> pending, boolean backward) {
        TreeMap<Long, V> windows = new TreeMap<>();
        try (stored) {
            while (stored.hasNext()) {
                KeyValue<Long, V> window = stored.next();
                windows.put(window.key, window.value);
            }
        }
        for (Map.Entry<Long, V> window : pending.entrySet()) {
            if (window.getValue() == null) {
                windows.remove(window.getKey());
            } else {
                windows.put(window.getKey(), window.getValue());
            }
        }
        List<KeyValue<Long, V>> list = new ArrayList<>(windows.size());
        for (Map.Entry<Long, V> window :
                (backward ? windows.descendingMap() : windows).entrySet()) {
            list.add(KeyValue.pair(window.getKey(), window.getValue()));
        }
        return new ListIterator<>(list.iterator());
    }

    private static final class ListIterator<V> implements WindowStoreIterator<V> {
        private final Iterator<KeyValue<Long, V>> windows;
        private KeyValue<Long, V> next;

        ListIterator(Iterator<KeyValue<Long, V>> windows) {
            this.windows = windows;
            this.next = windows.hasNext() ? windows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue<Long, V> next() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            KeyValue<Long, V> current = next;
            next = windows.hasNext() ? windows.next() : null;
            return current;
        }

        @Override
        public Long peekNextKey() {
            if (next == null) {
                throw new java.util.NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {}
    }
}
