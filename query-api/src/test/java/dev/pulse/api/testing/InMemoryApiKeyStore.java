package dev.pulse.api.testing;

import dev.pulse.access.apikeys.ApiKey;
import dev.pulse.access.apikeys.ApiKeyStore;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ApiKeyStore} in memory, for tests of the HTTP layer that need a key but not Kafka. Keys
 * have the production form {@code pk_<12 hex>_<43 base64url>} and only their hash is kept.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public Created create(
            String name, Role role, ScopeSpec scope, String actsAs, String createdBy) {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key =
                new ApiKey(
                        keyId,
                        name,
                        hash(secretText),
                        role,
                        scope,
                        actsAs,
                        Instant.now(),
                        createdBy,
                        null);
        keys.put(keyId, key);
        return new Created(key, "pk_" + keyId + "_" + secretText);
    }

    @Override
    public Optional<ApiKey> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.matches("pk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String id = presentedKey.substring(3, 15);
        String secret = presentedKey.substring(16);
        ApiKey key = keys.get(id);
        if (key == null || key.revoked()) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(
                        key.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash(secret).getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(key)
                : Optional.empty();
    }

    @Override
    public boolean revoke(String id, String revokedBy) {
        ApiKey key = keys.get(id);
        if (key == null) {
            return false;
        }
        keys.put(
                id,
                new ApiKey(
                        key.id(),
                        key.name(),
                        key.secretHash(),
                        key.role(),
                        key.scope(),
                        key.actsAs(),
                        key.createdAt(),
                        key.createdBy(),
                        Instant.now()));
        return true;
    }

    @Override
    public List<ApiKey> list() {
        return new ArrayList<>(keys.values());
    }

    public void clear() {
        keys.clear();
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
