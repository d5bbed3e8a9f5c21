package dev.pulse.access.apikeys;

import dev.pulse.streams.follow.LatestByKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The current state of every API key, by id, as of the newest topic offset applied for it. A
 * replayed creation cannot un-revoke a key for a moment: {@link LatestByKey} keeps the newest
 * offset per key.
 */
final class ApiKeyTable {
    private final LatestByKey<ApiKey> byId = new LatestByKey<>();

    /** Records the state at {@code offset}; {@code key} null for a deleted key (tombstone). */
    void apply(long offset, String id, ApiKey key) {
        byId.apply(offset, id, key);
    }

    Optional<ApiKey> get(String id) {
        return byId.get(id);
    }

    boolean contains(String id) {
        return byId.contains(id);
    }

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> all() {
        return byId.values().stream()
                .sorted(
                        Comparator.comparing(
                                        ApiKey::createdAt,
                                        Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(ApiKey::id))
                .toList();
    }
}
