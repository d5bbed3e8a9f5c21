package dev.pulse.topologies.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded copy of the value a processor last wrote to its store, for its most recently written
 * keys, so that the next update of a busy key neither fetches nor decodes it again. The copy always
 * equals what the processor last wrote, so it cannot go stale as long as that processor is the
 * store's only writer; make one in {@code init}, so that it starts empty after every restore,
 * revival or migration of the task.
 *
 * <p>A plain access-ordered {@link LinkedHashMap}, not Caffeine: it is touched twice per event by
 * one stream thread, and Caffeine's bookkeeping (frequency sketch, read and write buffers) cost 8.8
 * % of the stream thread in a bench profile, more than the decoding it saved.
 */
public final class RecentWrites<K, V> {
    private final Map<K, V> copies;

    public RecentWrites(int maxKeys) {
        this.copies =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                        return size() > maxKeys;
                    }
                };
    }

    /** The value last written for {@code key}, or null when no copy is kept. */
    public V get(K key) {
        return copies.get(key);
    }

    /**
     * Keeps {@code value}, just read from the store: as the processor is the store's only writer,
     * it is what the processor last wrote.
     */
    public void remember(K key, V value) {
        copies.put(key, value);
    }

    /** Runs {@code write}, which stores {@code value}, and keeps the copy once it succeeded. */
    public void write(K key, V value, Runnable write) {
        // Drop the copy first: should the write fail, the next update reads the store again.
        copies.remove(key);
        write.run();
        copies.put(key, value);
    }
}
