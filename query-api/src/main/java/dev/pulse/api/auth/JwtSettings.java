package dev.pulse.api.auth;

import java.time.Duration;

/**
 * How bearer JWTs are verified. RS256 and ES256 are accepted when a key set is configured (a JWKS
 * file, or a JWKS URL that is fetched, cached and refreshed); HS256 only when a shared secret of at
 * least 32 bytes is configured. Blank strings count as not configured.
 *
 * @param jwksFile path of a JWKS document holding the identity provider's public keys; may be null
 * @param jwksUrl URL of the identity provider's JWKS endpoint; may be null
 * @param hs256Secret shared HMAC secret (UTF-8, at least 32 bytes); null disables HS256
 * @param issuer the exact {@code iss} every token must carry
 * @param audience a value every token's {@code aud} must contain
 * @param leeway clock skew allowed on {@code exp} and {@code nbf}; null means 60 seconds
 */
public record JwtSettings(
        String jwksFile,
        String jwksUrl,
        String hs256Secret,
        String issuer,
        String audience,
        Duration leeway) {

    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);

    public JwtSettings {
        jwksFile = blankToNull(jwksFile);
        jwksUrl = blankToNull(jwksUrl);
        hs256Secret = hs256Secret == null || hs256Secret.isEmpty() ? null : hs256Secret;
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        leeway = leeway == null ? DEFAULT_LEEWAY : leeway;
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("JWT leeway must not be negative, not " + leeway);
        }
    }

    /** True when any way to verify a token is configured: a key set or an HS256 secret. */
    public boolean configured() {
        return jwksFile != null || jwksUrl != null || hs256Secret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "JwtSettings[jwksFile="
                + jwksFile
                + ", jwksUrl="
                + jwksUrl
                + ", hs256Secret="
                + (hs256Secret == null ? "none" : "(set)")
                + ", issuer="
                + issuer
                + ", audience="
                + audience
                + ", leeway="
                + leeway
                + "]";
    }
}
