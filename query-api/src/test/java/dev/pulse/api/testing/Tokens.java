package dev.pulse.api.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Mints JWTs for tests with Nimbus: valid ones by default, and every way to get one wrong. Times
 * are relative to the real clock, which is what the authenticator checks against.
 */
public final class Tokens {
    public static final String ISSUER = "https://id.pulse.test/";
    public static final String AUDIENCE = "pulse-api";
    public static final String HS256_SECRET = "test-secret-of-pulse-api-at-least-32-bytes!";

    private Tokens() {}

    /** A builder of claims for {@code email}: iss, aud, sub, email, iat, exp in 5 minutes. */
    public static Claims claims(String email) {
        return new Claims(email);
    }

    /** A valid HS256 token for {@code email}, signed with {@link #HS256_SECRET}. */
    public static String hs256(String email) {
        return claims(email).hs256(HS256_SECRET);
    }

    /** Claims of a token under construction; every field can be changed or removed. */
    public static final class Claims {
        private final JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();

        private Claims(String email) {
            Instant now = Instant.now();
            builder.issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(email)
                    .claim("email", email)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        }

        public Claims issuer(String issuer) {
            builder.issuer(issuer);
            return this;
        }

        public Claims audience(String... audiences) {
            builder.audience(audiences.length == 0 ? null : List.of(audiences));
            return this;
        }

        public Claims expiresAt(Instant exp) {
            builder.expirationTime(exp == null ? null : Date.from(exp));
            return this;
        }

        public Claims notBefore(Instant nbf) {
            builder.notBeforeTime(nbf == null ? null : Date.from(nbf));
            return this;
        }

        public Claims subject(String subject) {
            builder.subject(subject);
            return this;
        }

        public Claims claim(String name, Object value) {
            builder.claim(name, value);
            return this;
        }

        public JWTClaimsSet build() {
            return builder.build();
        }

        public String hs256(String secret) {
            return hs256(secret.getBytes(StandardCharsets.UTF_8));
        }

        public String hs256(byte[] secret) {
            try {
                return sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public String rs256(RSAKey key) {
            try {
                return sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public String es256(ECKey key) {
            try {
                return sign(
                        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                        new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg: none}, by hand: base64url header and payload, and an empty signature. */
        public String unsigned() {
            java.util.Base64.Encoder base64url = java.util.Base64.getUrlEncoder().withoutPadding();
            String header =
                    base64url.encodeToString(
                            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload =
                    base64url.encodeToString(build().toString().getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".";
        }

        private String sign(JWSHeader header, JWSSigner signer) throws JOSEException {
            SignedJWT jwt = new SignedJWT(header, build());
            jwt.sign(signer);
            return jwt.serialize();
        }
    }
}
