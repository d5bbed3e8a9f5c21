package dev.pulse.streams.follow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest value per key of a compacted topic, as of the newest offset applied for that key.
 *
 * <p>Writes arrive from two sides: a writer right after its own ack (read-your-writes) and a {@link
 * TopicFollower} replaying the log. Keeping the offset with each value and never letting an older
 * record replace a newer one means a replayed creation cannot undo a later change for a moment.
 * Tombstones are kept as empty entries for the same reason.
 *
 * @param <V> the value type
 */
public final class LatestByKey<V> {
    private record Stored<V>(long offset, V value) {}

    private final ConcurrentHashMap<String, Stored<V>> byKey = new ConcurrentHashMap<>();

    /** Records the state at {@code offset}; {@code value} null for a deletion (tombstone). */
    public void apply(long offset, String key, V value) {
        Objects.requireNonNull(key, "key");
        byKey.merge(
                key,
                new Stored<>(offset, value),
                (old, fresh) -> old.offset() > fresh.offset() ? old : fresh);
    }

    public Optional<V> get(String key) {
        Stored<V> stored = byKey.get(key);
        return stored == null ? Optional.empty() : Optional.ofNullable(stored.value());
    }

    /** Whether the key was ever seen, deleted or not. */
    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** Every present value, in no particular order. */
    public List<V> values() {
        return byKey.values().stream().map(Stored::value).filter(Objects::nonNull).toList();
    }
}
