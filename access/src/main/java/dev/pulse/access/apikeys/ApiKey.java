package dev.pulse.access.apikeys;

import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import java.time.Instant;

/**
 * A stored API key: never the key itself, only a hash of its secret part.
 *
 * @param id public part of the key, shown in lists and audit ({@code api-key:<id>})
 * @param secretHash hex SHA-256 of the secret part (the secret is 256 random bits, so a plain hash
 *     cannot be brute-forced)
 * @param actsAs e-mail that own/team scopes are relative to; null otherwise
 * @param revokedAt when it was revoked; null while valid
 */
public record ApiKey(
        String id,
        String name,
        String secretHash,
        Role role,
        ScopeSpec scope,
        String actsAs,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
