package dev.pulse.app.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Who the benchmark's clients are: every account manager of the bench data is a user (role viewer,
 * so they see their own accounts only) and calls the API with a JWT of their own, as an account
 * manager's browser would. Tokens are HS256, signed with a secret made per run; the per-identity
 * rate limit is lifted, because the load generator sends far more requests per person than a person
 * does.
 */
public final class BenchAuth {
    static final String ISSUER = "https://idp.bench.pulse.dev";
    static final String AUDIENCE = "pulse";

    private static final Duration VALIDITY = Duration.ofHours(6);
    private static final long UNLIMITED = 1_000_000_000L;

    private final Path usersFile;
    private final String secret;
    private final Map<String, String> bearerByOwner;

    private BenchAuth(Path usersFile, String secret, Map<String, String> bearerByOwner) {
        this.usersFile = usersFile;
        this.secret = secret;
        this.bearerByOwner = Map.copyOf(bearerByOwner);
    }

    /** Writes the user directory under {@code dir} and mints one token per account manager. */
    public static BenchAuth create(Path dir, BenchTenants tenants) {
        String secret = randomSecret();
        StringBuilder yaml = new StringBuilder("users:\n");
        Map<String, String> bearers = new HashMap<>();
        for (String owner : tenants.owners()) {
            yaml.append("  - email: ").append(owner).append("\n    role: viewer\n");
            bearers.put(owner, "Bearer " + token(owner, secret));
        }
        yaml.append("  - email: ")
                .append(BenchTenants.ANALYST)
                .append("\n    role: analyst\n    scope: all\n");
        bearers.put(BenchTenants.ANALYST, "Bearer " + token(BenchTenants.ANALYST, secret));
        yaml.append("  - email: ").append(BenchTenants.LOADER).append("\n    role: ingest\n");
        bearers.put(BenchTenants.LOADER, "Bearer " + token(BenchTenants.LOADER, secret));
        Path file = dir.resolve("users.yaml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new BenchAuth(file, secret, bearers);
    }

    /** Pulse's auth settings for the run: this directory, this secret, no rate limit. */
    public PulseConfig.Auth config(PulseConfig.Auth defaults) {
        return new PulseConfig.Auth(
                usersFile.toString(),
                new PulseConfig.Jwt("", "", secret, ISSUER, AUDIENCE, Duration.ofMinutes(1)),
                defaults.internalToken(),
                new PulseConfig.RateLimit(UNLIMITED, UNLIMITED));
    }

    /** The {@code Authorization} header value of an account manager, the analyst or the loader. */
    public String bearer(String owner) {
        String bearer = bearerByOwner.get(owner);
        if (bearer == null) {
            throw new IllegalArgumentException(owner + " is not a bench user");
        }
        return bearer;
    }

    private static String token(String email, String secret) {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(email)
                        .claim("email", email)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(VALIDITY)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                        claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a bench token", e);
        }
        return jwt.serialize();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
