package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.api.auth.JwtSettings;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a bearer token can be wrong, against a server that trusts one RS256/ES256 key set (a
 * JWKS file) and no HS256 secret: each is 401 with a clear reason in the body and the challenge,
 * and each is audited as denied with that reason.
 */
class JwtFailuresIT {
    private static RSAKey rsa;
    private static ECKey ec;
    private static RunningApi api;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("pulse-test-rsa").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("pulse-test-ec").generate();
        Path jwks = Files.createTempFile("pulse-jwks-", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, new JWKSet(List.of(rsa, ec)).toPublicJWKSet().toString());
        api =
                RunningApi.builder()
                        .jwt(
                                new JwtSettings(
                                        jwks.toString(),
                                        null,
                                        null,
                                        Tokens.ISSUER,
                                        Tokens.AUDIENCE,
                                        Duration.ofSeconds(30)))
                        .start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    static Stream<Arguments> badTokens() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant future = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("pulse-test-rsa").generate();
        byte[] publicKeyAsSecret =
                rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String user = TestUsers.ADMIN;
        return Stream.of(
                bad(
                        "expired",
                        () -> Tokens.claims(user).expiresAt(past).rs256(rsa),
                        "token expired at " + past),
                bad(
                        "not yet valid",
                        () -> Tokens.claims(user).notBefore(future).rs256(rsa),
                        "token not valid before " + future),
                bad(
                        "wrong issuer",
                        () -> Tokens.claims(user).issuer("https://evil.example/").rs256(rsa),
                        "issuer 'https://evil.example/' is not the configured issuer"),
                bad(
                        "wrong audience",
                        () -> Tokens.claims(user).audience("billing").rs256(rsa),
                        "audience 'billing' does not include the configured audience"),
                bad(
                        "missing claims",
                        () -> Tokens.claims(user).subject(null).expiresAt(null).rs256(rsa),
                        "token is missing required claims: exp, sub"),
                bad(
                        "wrong key",
                        () -> Tokens.claims(user).rs256(otherKey),
                        "signature does not verify against the configured keys"),
                bad(
                        "alg none",
                        () -> Tokens.claims(user).unsigned(),
                        "unsigned tokens (alg none) are not accepted"),
                bad(
                        "HS256 signed with the RSA public key",
                        () -> Tokens.claims(user).hs256(publicKeyAsSecret),
                        "algorithm HS256 is not accepted here; expected one of RS256, ES256"),
                bad(
                        "HS256 with the test secret",
                        () -> Tokens.hs256(user),
                        "algorithm HS256 is not accepted here; expected one of RS256, ES256"),
                bad("malformed", () -> "not-a-token", "not a JWT: "),
                bad("three garbage parts", () -> "abc.def.ghi", "not a JWT: "));
    }

    private static Arguments bad(String name, Supplier<String> token, String reason) {
        return Arguments.of(name, token.get(), reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesWithAClearReasonAndAuditsTheDenial(String name, String token, String reason) {
        HttpResponse<String> response = api.withToken(token).get("/v1/summary");

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asText()).startsWith(reason);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(
                        challenge ->
                                assertThat(challenge)
                                        .startsWith(
                                                "Bearer realm=\"pulse\", error=\"invalid_token\"")
                                        .contains("error_description=\"" + reason));
        assertThat(response.body()).doesNotContain(token);
        AuditEntry entry = api.audit.last();
        assertThat(entry.allowed()).isFalse();
        assertThat(entry.status()).isEqualTo(401);
        assertThat(entry.subject()).isEqualTo("anonymous");
        assertThat(entry.action()).isEqualTo("GET /v1/summary");
        assertThat(entry.detail()).startsWith(reason);
        assertThat(api.audit.entries()).hasSize(1);
    }

    @Test
    void acceptsValidRs256AndEs256TokensFromTheKeySet() {
        HttpResponse<String> rs256 =
                api.withToken(Tokens.claims(TestUsers.VP).rs256(rsa)).get("/v1/me");
        assertThat(rs256.statusCode()).as(rs256.body()).isEqualTo(200);
        assertThat(RunningApi.json(rs256).path("role").asText()).isEqualTo("manager");
        HttpResponse<String> es256 =
                api.withToken(Tokens.claims(TestUsers.SARAH).es256(ec)).get("/v1/me");
        assertThat(es256.statusCode()).as(es256.body()).isEqualTo(200);
        assertThat(api.audit.entries()).extracting(AuditEntry::allowed).containsExactly(true, true);
    }

    @Test
    void acceptsATokenWithinTheLeeway() {
        String token =
                Tokens.claims(TestUsers.SARAH).expiresAt(Instant.now().minusSeconds(10)).rs256(rsa);
        assertThat(api.withToken(token).get("/v1/me").statusCode()).isEqualTo(200);
    }
}
