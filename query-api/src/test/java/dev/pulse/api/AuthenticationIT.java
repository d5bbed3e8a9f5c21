package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.auth.InternalToken;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets in, over a real server: credentials, public routes, internal token, request ids. */
class AuthenticationIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void seed() {
        api.reset();
        api.reader.put(Scores.account("acme", "Acme", TestUsers.SARAH));
        api.reader.putCurrent(Scores.score("acme", 55, NOW));
    }

    @Test
    void refusesRequestsWithoutCredentialsWithABareChallenge() {
        HttpResponse<String> response = api.anonymous().get("/v1/accounts/acme");

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asText()).startsWith("authentication required");
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"pulse\"");
        assertThat(response.body()).doesNotContain("Acme");
        AuditEntry entry = api.audit.last();
        assertThat(entry.subject()).isEqualTo("anonymous");
        assertThat(entry.role()).isEqualTo("none");
        assertThat(entry.action()).isEqualTo("GET /v1/accounts/:tenant");
        assertThat(entry.allowed()).isFalse();
        assertThat(entry.status()).isEqualTo(401);
        assertThat(entry.detail()).startsWith("authentication required");
    }

    @Test
    void everyV1RouteNeedsCredentials() {
        for (String path :
                new String[] {
                    "/v1/portfolio",
                    "/v1/summary",
                    "/v1/accounts/acme/timeseries?metric=events",
                    "/v1/me",
                    "/v1/audit",
                    "/v1/audit/verify",
                    "/v1/admin/api-keys",
                    "/v1/nothing"
                }) {
            assertProblem(api.anonymous().get(path), 401);
        }
        assertProblem(api.anonymous().post("/v1/events", "application/json", "[]"), 401);
        assertProblem(api.anonymous().post("/v1/accounts", "application/json", "[]"), 401);
        assertProblem(api.anonymous().send("DELETE", "/v1/admin/api-keys/abc"), 401);
        assertThat(api.publisher.events()).isEmpty();
    }

    @Test
    void operationalRoutesArePublicAndNotAudited() {
        assertThat(api.anonymous().get("/health/live").statusCode()).isEqualTo(200);
        assertThat(api.anonymous().get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(api.anonymous().get("/metrics").statusCode()).isEqualTo(200);
        assertThat(api.anonymous().get("/openapi.yaml").statusCode()).isEqualTo(200);
        assertThat(api.audit.entries()).isEmpty();
    }

    @Test
    void refusesAValidTokenOfSomeoneNotInTheDirectory() {
        JsonNode problem = assertProblem(api.as("stranger@example.com").get("/v1/me"), 403);
        assertThat(problem.path("detail").asText())
                .isEqualTo(
                        "not a Pulse user; ask an admin to add stranger@example.com to the user"
                                + " directory");
        AuditEntry entry = api.audit.last();
        assertThat(entry.subject()).isEqualTo("stranger@example.com");
        assertThat(entry.role()).isEqualTo("none");
        assertThat(entry.allowed()).isFalse();
        assertThat(entry.status()).isEqualTo(403);
    }

    @Test
    void refusesOtherSchemesAndDoubleCredentials() {
        HttpResponse<String> basic =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri("/v1/me"))
                                .header("Authorization", "Basic dXNlcjpwYXNz"));
        assertThat(assertProblem(basic, 401).path("detail").asText())
                .startsWith("unsupported scheme 'Basic'");
        assertThat(basic.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
        HttpResponse<String> both =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri("/v1/me"))
                                .header("Authorization", "Bearer x.y.z")
                                .header("X-API-Key", "pk_x"));
        assertThat(assertProblem(both, 401).path("detail").asText())
                .startsWith("send one credential");
    }

    @Test
    void refusesAnInvalidApiKeyWithoutSayingWhy() {
        for (String key : new String[] {"pk_000000000000_" + "A".repeat(43), "nonsense", "x y"}) {
            JsonNode problem = assertProblem(api.withKey(key).get("/v1/me"), 401);
            assertThat(problem.path("detail").asText())
                    .isEqualTo("API key is not valid or was revoked");
        }
    }

    @Test
    void meSaysWhoTheCallerIs() {
        JsonNode sarah = RunningApi.json(api.as("Sarah@Example.com").get("/v1/me"));
        assertThat(sarah.path("subject").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(sarah.path("email").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(sarah.path("role").asText()).isEqualTo("viewer");
        assertThat(sarah.path("scope").asText()).isEqualTo("own");
        assertThat(sarah.path("scopeDescription").asText())
                .isEqualTo("accounts owned by sarah@example.com");
        assertThat(sarah.path("method").asText()).isEqualTo("jwt");

        HttpResponse<String> ingest = api.as(TestUsers.INGEST).get("/v1/me");
        assertThat(ingest.statusCode()).as("any role may ask who it is").isEqualTo(200);

        String key =
                api.apiKeys.create("etl", Role.INGEST, ScopeSpec.NONE, null, TestUsers.ADMIN).key();
        JsonNode machine = RunningApi.json(api.withKey(key).get("/v1/me"));
        assertThat(machine.path("subject").asText()).startsWith("api-key:");
        assertThat(machine.path("role").asText()).isEqualTo("ingest");
        assertThat(machine.path("method").asText()).isEqualTo("api-key");
        assertThat(machine.has("email")).isFalse();
    }

    @Test
    void echoesASaneRequestIdAndRecordsIt() {
        HttpResponse<String> response =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri("/v1/me"))
                                .header("Authorization", "Bearer " + tokenOf(TestUsers.ADMIN))
                                .header("X-Request-Id", "trace-123"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-123");
        assertThat(api.audit.forRequest("trace-123")).hasSize(1);

        HttpResponse<String> insane =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri("/v1/me"))
                                .header("Authorization", "Bearer " + tokenOf(TestUsers.ADMIN))
                                .header("X-Request-Id", "<script>"));
        String replaced = insane.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(replaced).hasSize(36).isNotEqualTo("<script>");
        assertThat(api.audit.last().requestId()).isEqualTo(replaced);
        assertThat(api.anonymous().get("/health/live").headers().firstValue("X-Request-Id"))
                .isPresent();
    }

    @Test
    void internalRoutesNeedTheInternalToken() {
        String path = "/internal/v1/scores?tenant=acme";
        JsonNode missing = assertProblem(api.anonymous().get(path), 401);
        assertThat(missing.path("detail").asText()).contains(InternalToken.HEADER);
        JsonNode wrong =
                assertProblem(
                        api.sendRaw(
                                HttpRequest.newBuilder(api.uri(path))
                                        .header(InternalToken.HEADER, "guess")),
                        401);
        assertThat(wrong.path("detail").asText()).isEqualTo("the internal token is not valid");
        assertProblem(api.as(TestUsers.ADMIN).get(path), 401);
        assertThat(api.audit.entries())
                .hasSize(3)
                .allSatisfy(
                        entry -> {
                            assertThat(entry.allowed()).isFalse();
                            assertThat(entry.action()).isEqualTo("GET /internal/v1/scores");
                        });

        api.audit.clear();
        assertThat(api.get(path).statusCode()).isEqualTo(200);
        assertThat(api.audit.entries()).as("allowed internal calls are not audited").isEmpty();
    }

    private static String tokenOf(String email) {
        return dev.pulse.api.testing.Tokens.hs256(email);
    }
}
