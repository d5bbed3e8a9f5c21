package dev.pulse.topologies.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The decoded copy of the value a processor last wrote to its store, for its most active keys, so
 * that the next update of a busy key neither fetches nor decodes it again. The copy always equals
 * what the processor last wrote, so it cannot go stale as long as that processor is the store's
 * only writer; make one in {@code init}, so that it starts empty after every restore, revival or
 * migration of the task.
 */
public final class RecentWrites<K, V> {
    private final Cache<K, V> copies;

    public RecentWrites(int maxKeys) {
        // A stream thread's own cache: maintenance runs on the caller, not on a pool.
        this.copies = Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run).build();
    }

    /** The value last written for {@code key}, or null when no copy is kept. */
    public V get(K key) {
        return copies.getIfPresent(key);
    }

    /** Runs {@code write}, which stores {@code value}, and keeps the copy once it succeeded. */
    public void write(K key, V value, Runnable write) {
        // Drop the copy first: should the write fail, the next update reads the store again.
        copies.invalidate(key);
        write.run();
        copies.put(key, value);
    }
}
