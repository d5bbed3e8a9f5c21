package dev.pulse.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
    private static RSAKey rsa;
    private static ECKey ec;
    private static JwtAuthenticator hs256;

    @TempDir Path dir;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        hs256 =
                JwtAuthenticator.create(
                        new JwtSettings(
                                null,
                                null,
                                Tokens.HS256_SECRET,
                                Tokens.ISSUER,
                                Tokens.AUDIENCE,
                                null),
                        TestUsers.directory());
    }

    private JwtAuthenticator keySet() throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(java.util.List.of(rsa, ec)).toPublicJWKSet().toString());
        return JwtAuthenticator.create(
                new JwtSettings(jwks.toString(), null, null, Tokens.ISSUER, Tokens.AUDIENCE, null),
                TestUsers.directory());
    }

    private static String reason(JwtAuthenticator authenticator, String token) {
        try {
            authenticator.authenticate(token);
        } catch (CredentialsRejectedException e) {
            return e.status() + " " + e.getMessage();
        }
        throw new AssertionError("token was accepted: " + token);
    }

    @Test
    void mapsAValidTokenToTheDirectoryUsersRoleAndScope() {
        Principal sarah = hs256.authenticate(Tokens.hs256(TestUsers.SARAH));
        assertThat(sarah)
                .isEqualTo(
                        new Principal(
                                TestUsers.SARAH,
                                TestUsers.SARAH,
                                Role.VIEWER,
                                ScopeSpec.OWN,
                                "jwt"));
    }

    @Test
    void ignoresRoleClaimsInTheToken() {
        String token =
                Tokens.claims(TestUsers.SARAH).claim("role", "admin").hs256(Tokens.HS256_SECRET);
        assertThat(hs256.authenticate(token).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void takesTheIdentityFromSubWhenThereIsNoEmailClaim() {
        String token =
                Tokens.claims("ignored")
                        .claim("email", null)
                        .subject("Marc@Example.com")
                        .hs256(Tokens.HS256_SECRET);
        assertThat(hs256.authenticate(token).subject()).isEqualTo(TestUsers.MARC);
    }

    @Test
    void refusesATokenThatNamesNoEmail() {
        String token =
                Tokens.claims("x")
                        .claim("email", null)
                        .subject("auth0|12345")
                        .hs256(Tokens.HS256_SECRET);
        assertThat(reason(hs256, token))
                .isEqualTo(
                        "401 token names no e-mail address: it has no"
                                + " 'email' claim and its 'sub' is not an e-mail address");
    }

    @Test
    void refusesSomeoneNotInTheDirectoryWith403() {
        String token = Tokens.hs256("stranger@example.com");
        assertThatThrownBy(() -> hs256.authenticate(token))
                .isInstanceOfSatisfying(
                        CredentialsRejectedException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.provenSubject()).isEqualTo("stranger@example.com");
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "not a Pulse user; ask an admin to add"
                                                + " stranger@example.com to the user directory");
                        });
    }

    @Test
    void namesEachClaimProblem() {
        Instant now = Instant.now();
        Instant past =
                now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant future =
                now.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String s = Tokens.HS256_SECRET;
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).expiresAt(past).hs256(s)))
                .isEqualTo("401 token expired at " + past);
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).notBefore(future).hs256(s)))
                .isEqualTo("401 token not valid before " + future);
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).issuer("https://evil/").hs256(s)))
                .isEqualTo("401 issuer 'https://evil/' is not the configured issuer");
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).audience("other").hs256(s)))
                .isEqualTo("401 audience 'other' does not include the configured audience");
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).expiresAt(null).hs256(s)))
                .isEqualTo("401 token is missing required claims: exp");
        assertThat(reason(hs256, Tokens.claims(TestUsers.SARAH).audience().issuer(null).hs256(s)))
                .isEqualTo("401 token is missing required claims: iss, aud");
    }

    @Test
    void allowsTheLeewayOnExpiry() {
        String token =
                Tokens.claims(TestUsers.SARAH)
                        .expiresAt(Instant.now().minusSeconds(20))
                        .hs256(Tokens.HS256_SECRET);
        assertThat(hs256.authenticate(token).subject()).isEqualTo(TestUsers.SARAH);
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        MutableClock clock = new MutableClock(start);
        JwtAuthenticator authenticator =
                JwtAuthenticator.create(
                        new JwtSettings(
                                null,
                                null,
                                Tokens.HS256_SECRET,
                                Tokens.ISSUER,
                                Tokens.AUDIENCE,
                                null),
                        TestUsers.directory(),
                        clock);
        Instant expires = start.plusSeconds(30);
        String token = Tokens.claims(TestUsers.SARAH).expiresAt(expires).hs256(Tokens.HS256_SECRET);

        assertThat(authenticator.authenticate(token).subject()).isEqualTo(TestUsers.SARAH);
        clock.now = start.plusSeconds(10);
        assertThat(authenticator.authenticate(token).subject()).isEqualTo(TestUsers.SARAH);
        clock.now = start.plus(Duration.ofHours(1));

        assertThat(reason(authenticator, token)).isEqualTo("401 token expired at " + expires);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends java.time.Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rejectsMalformedAndUnsignedTokens() {
        assertThat(reason(hs256, "hello")).startsWith("401 not a JWT: ");
        assertThat(reason(hs256, "a.b.c")).startsWith("401 not a JWT: ");
        assertThat(reason(hs256, Tokens.claims(TestUsers.ADMIN).unsigned()))
                .isEqualTo("401 unsigned tokens (alg none) are not accepted");
        String noneWithSignature = Tokens.claims(TestUsers.ADMIN).unsigned() + "c2ln";
        assertThat(reason(hs256, noneWithSignature))
                .isEqualTo("401 unsigned tokens (alg none) are not accepted");
    }

    @Test
    void rejectsAWrongSecret() {
        String token =
                Tokens.claims(TestUsers.ADMIN).hs256("another-secret-that-is-32-bytes-long!!");
        assertThat(reason(hs256, token))
                .isEqualTo("401 signature does not verify against the configured keys");
    }

    @Test
    void rejectsAsymmetricTokensWhenOnlyASecretIsConfigured() {
        assertThat(reason(hs256, Tokens.claims(TestUsers.ADMIN).rs256(rsa)))
                .isEqualTo("401 algorithm RS256 is not accepted here; expected one of HS256");
    }

    @Test
    void acceptsRs256AndEs256FromAKeySetFile() throws Exception {
        JwtAuthenticator authenticator = keySet();
        assertThat(authenticator.allowedAlgorithms()).containsExactly("RS256", "ES256");
        assertThat(authenticator.authenticate(Tokens.claims(TestUsers.VP).rs256(rsa)).role())
                .isEqualTo(Role.MANAGER);
        assertThat(authenticator.authenticate(Tokens.claims(TestUsers.VP).es256(ec)).role())
                .isEqualTo(Role.MANAGER);
    }

    @Test
    void rejectsAlgorithmConfusion() throws Exception {
        JwtAuthenticator authenticator = keySet();
        byte[] publicKeyBytes = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String confused = Tokens.claims(TestUsers.ADMIN).hs256(publicKeyBytes);
        assertThat(reason(authenticator, confused))
                .isEqualTo(
                        "401 algorithm HS256 is not accepted here; expected one of RS256, ES256");
    }

    @Test
    void rejectsUnknownKeysAndTokenTypes() throws Exception {
        JwtAuthenticator authenticator = keySet();
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        assertThat(reason(authenticator, Tokens.claims(TestUsers.ADMIN).rs256(other)))
                .isEqualTo("401 signature does not verify against the configured keys");
        RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("who").generate();
        assertThat(reason(authenticator, Tokens.claims(TestUsers.ADMIN).rs256(unknownKid)))
                .isEqualTo("401 signature does not verify against the configured keys");

        SignedJWT jwe =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new JOSEObjectType("secevent+jwt"))
                                .build(),
                        Tokens.claims(TestUsers.ADMIN).build());
        jwe.sign(new MACSigner(Tokens.HS256_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(reason(hs256, jwe.serialize()))
                .isEqualTo("401 token type (typ) 'secevent+jwt' is not accepted");
    }

    @Test
    void refusesToStartWithAShortSecret() {
        assertThatThrownBy(
                        () ->
                                JwtAuthenticator.create(
                                        new JwtSettings(null, null, "short", "iss", "aud", null),
                                        TestUsers.directory()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the HS256 secret must be at least 32 bytes (256 bits) long; the configured"
                                + " one has 5");
    }

    @Test
    void refusesToStartWithoutKeysIssuerOrAudience() {
        assertThatThrownBy(
                        () ->
                                JwtAuthenticator.create(
                                        new JwtSettings(null, " ", null, "iss", "aud", null),
                                        TestUsers.directory()))
                .hasMessageContaining("needs a key set (a JWKS file or URL) or an HS256 secret");
        assertThatThrownBy(
                        () ->
                                JwtAuthenticator.create(
                                        new JwtSettings(
                                                null, null, Tokens.HS256_SECRET, null, "aud", null),
                                        TestUsers.directory()))
                .hasMessageContaining("issuer");
        assertThatThrownBy(
                        () ->
                                JwtAuthenticator.create(
                                        new JwtSettings(
                                                dir.resolve("missing.json").toString(),
                                                null,
                                                null,
                                                "iss",
                                                "aud",
                                                null),
                                        TestUsers.directory()))
                .hasMessageContaining("cannot read the JWKS file");
    }

    @Test
    void settingsDoNotPrintTheSecret() {
        assertThat(new JwtSettings(null, null, Tokens.HS256_SECRET, "i", "a", null).toString())
                .doesNotContain(Tokens.HS256_SECRET);
    }
}
