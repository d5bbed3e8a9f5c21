package dev.pulse.bot.teams;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The outgoing-webhook signature as Microsoft documents it: HMAC-SHA256 over the raw request body
 * (UTF-8 bytes as received), keyed with the base64-decoded security token, sent base64-encoded as
 * {@code Authorization: HMAC <signature>}.
 */
final class TeamsSignature {
    static final String SCHEME = "HMAC ";

    private final SecretKeySpec key;

    TeamsSignature(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The {@code Authorization} header value Teams sends for {@code body}. */
    String header(byte[] body) {
        return SCHEME + Base64.getEncoder().encodeToString(mac(body));
    }

    /** Whether {@code authorization} is a valid signature of {@code body}; constant-time. */
    boolean verify(String authorization, byte[] body) {
        if (authorization == null
                || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
