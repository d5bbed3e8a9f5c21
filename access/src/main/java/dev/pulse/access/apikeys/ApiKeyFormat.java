package dev.pulse.access.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key string {@code pk_<id>_<secret>}: {@code id} is 12 lower-case hex characters (48 random
 * bits, public: shown in lists and audit), {@code secret} is 32 random bytes in base64url without
 * padding (43 characters, which may themselves contain {@code _}: parse by position, not split).
 */
final class ApiKeyFormat {
    static final String PREFIX = "pk_";
    private static final int ID_BYTES = 6;
    private static final int SECRET_BYTES = 32;
    private static final Pattern KEY = Pattern.compile("pk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiKeyFormat() {}

    /** The two parts of a well-formed key. */
    record Parsed(String id, String secret) {}

    static String newId(SecureRandom random) {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    static String format(String id, String secret) {
        return PREFIX + id + "_" + secret;
    }

    /** The parts of {@code presented}, or empty when it is not shaped like a Pulse key. */
    static Optional<Parsed> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var matcher = KEY.matcher(presented);
        return matcher.matches()
                ? Optional.of(new Parsed(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /**
     * Hex SHA-256 of the secret. A slow password hash (bcrypt, Argon2) exists to make guessing
     * low-entropy passwords expensive; these secrets are 256 random bits, which no amount of
     * guessing reaches, so a plain hash is as safe and keeps every authenticated request cheap.
     */
    static String hash(String secret) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
