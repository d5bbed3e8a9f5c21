package dev.pulse.api.auth;

import dev.pulse.streams.read.InternalReadProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secret Pulse instances present to each other's internal routes ({@code /internal/*}),
 * in the {@link #HEADER} header. Every instance of a deployment is configured with the same token;
 * a request without it, or with another, gets 401.
 */
public final class InternalToken {
    /** The request header carrying the token: the internal read protocol's. */
    public static final String HEADER = InternalReadProtocol.TOKEN_HEADER;

    private static final SecureRandom RANDOM = new SecureRandom();

    private InternalToken() {}

    /** A new random token (256 bits, base64url), e.g. for a single-instance demo. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Compares in time independent of where the values differ, and of their lengths (both sides are
     * hashed first).
     */
    static boolean matches(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
