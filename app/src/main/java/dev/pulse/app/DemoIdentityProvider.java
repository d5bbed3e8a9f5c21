package dev.pulse.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Stands in for a company's identity provider in the demo: a fresh RS256 key per run, its public
 * half published as a JWKS file that Pulse is configured with exactly as it would be with a real
 * provider's key set, and tokens signed with the private half.
 */
final class DemoIdentityProvider {
    static final String ISSUER = "https://idp.demo.pulse.dev";
    static final String AUDIENCE = "pulse";

    private final RSAKey key;
    private final Path jwksFile;

    private DemoIdentityProvider(RSAKey key, Path jwksFile) {
        this.key = key;
        this.jwksFile = jwksFile;
    }

    static DemoIdentityProvider create(Path dir) throws IOException {
        try {
            RSAKey key =
                    new RSAKeyGenerator(2048)
                            .keyID("demo-" + UUID.randomUUID().toString().substring(0, 8))
                            .algorithm(JWSAlgorithm.RS256)
                            .generate();
            Files.createDirectories(dir);
            Path jwks = dir.resolve("jwks.json");
            Files.writeString(
                    jwks, new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
            return new DemoIdentityProvider(key, jwks);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo signing key", e);
        }
    }

    /** Configuration pointing Pulse's JWT verification at this provider's key set. */
    PulseConfig.Jwt jwtSettings() {
        return new PulseConfig.Jwt(
                jwksFile.toString(), "", "", ISSUER, AUDIENCE, Duration.ofMinutes(1));
    }

    /** A token for a directory user, valid for the given time. */
    String tokenFor(String email, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(email)
                        .claim("email", email)
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now.minusSeconds(5)))
                        .expirationTime(Date.from(now.plus(validity)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return jwt.serialize();
    }
}
