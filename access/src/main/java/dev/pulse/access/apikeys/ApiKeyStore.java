package dev.pulse.access.apikeys;

import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import java.util.List;
import java.util.Optional;

/** Creates, checks and revokes API keys. Every instance sees every key. */
public interface ApiKeyStore {
    /** A new key; {@code key} is the full secret, shown once and never stored. */
    record Created(ApiKey apiKey, String key) {}

    Created create(String name, Role role, ScopeSpec scope, String actsAs, String createdBy);

    /** The key's record when the presented key is valid and not revoked. */
    Optional<ApiKey> authenticate(String presentedKey);

    /** Revokes a key by id; false when there is no such key. */
    boolean revoke(String id, String revokedBy);

    List<ApiKey> list();
}
