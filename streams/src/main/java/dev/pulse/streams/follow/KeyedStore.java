package dev.pulse.streams.follow;

import java.util.List;
import java.util.Optional;

/**
 * Values kept by their own id. Every instance sees every value; a write is read back at once.
 *
 * @param <V> the value type
 */
public interface KeyedStore<V> {
    void save(V value);

    /** Removes the value; false when there was none with that id. */
    boolean delete(String id);

    Optional<V> get(String id);

    /** Every value, in no particular order. */
    List<V> all();
}
