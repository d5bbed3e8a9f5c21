package dev.pulse.access.apikeys;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current state of every API key, by id, as of the newest topic offset applied for it.
 *
 * <p>Writes arrive from two sides: the writer right after its own ack (read-your-writes) and the
 * topic follower replaying the log. Keeping the offset with each key and never letting an older
 * record replace a newer one means a replayed creation cannot un-revoke a key for a moment.
 */
final class ApiKeyTable {
    private record Stored(long offset, ApiKey key) {}

    private final ConcurrentHashMap<String, Stored> byId = new ConcurrentHashMap<>();

    /** Records the state at {@code offset}; {@code key} null for a deleted key (tombstone). */
    void apply(long offset, String id, ApiKey key) {
        Objects.requireNonNull(id, "id");
        byId.merge(
                id,
                new Stored(offset, key),
                (old, fresh) -> old.offset() > fresh.offset() ? old : fresh);
    }

    Optional<ApiKey> get(String id) {
        Stored stored = byId.get(id);
        return stored == null ? Optional.empty() : Optional.ofNullable(stored.key());
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> all() {
        return byId.values().stream()
                .map(Stored::key)
                .filter(Objects::nonNull)
                .sorted(
                        Comparator.comparing(
                                        ApiKey::createdAt,
                                        Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(ApiKey::id))
                .toList();
    }
}
