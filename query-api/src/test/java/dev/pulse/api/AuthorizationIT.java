package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each role and scope may see and do, over a real server: 403 for single-tenant reads and
 * portfolios outside the scope, filtering for the summary, role gates for ingest and admin, and
 * what the audit log records.
 */
class AuthorizationIT {
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
        api.reader
                .put(Scores.account("acme", "Acme", TestUsers.SARAH))
                .put(Scores.account("globex", "Globex", TestUsers.SARAH))
                .put(Scores.account("wayne", "Wayne", TestUsers.MARC))
                .put(Scores.account("umbrella", "Umbrella", "someone@else.example"))
                .putCurrent(Scores.score("acme", 55, NOW))
                .putCurrent(Scores.score("globex", 30, NOW))
                .putCurrent(Scores.score("wayne", 72, NOW))
                .putCurrent(Scores.score("umbrella", 90, NOW))
                .putCurrent(Scores.score("orphan", 20, NOW));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApi.json(response);
    }

    private static List<String> tenants(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("tenantId").asText()));
        return ids;
    }

    @Test
    void accountManagerSeesOnlyTheirOwnAccounts() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        ok(sarah.get("/v1/accounts/acme"));
        ok(sarah.get("/v1/accounts/acme/timeseries?metric=events"));

        HttpResponse<String> denied = sarah.get("/v1/accounts/wayne");
        JsonNode problem = assertProblem(denied, 403);
        assertThat(problem.path("detail").asText())
                .isEqualTo(
                        "tenant 'wayne' is outside your scope (accounts owned by"
                                + " sarah@example.com)");
        assertThat(denied.body()).doesNotContain("Wayne").doesNotContain("72");
        assertProblem(sarah.get("/v1/accounts/wayne/timeseries?metric=health_score"), 403);
        assertProblem(sarah.get("/v1/accounts/orphan"), 403);
        assertProblem(
                sarah.get("/v1/accounts/does-not-exist"),
                403); // outside the scope, whether it exists or not: nothing is revealed
    }

    @Test
    void portfoliosOfOthersAreRefused() {
        JsonNode own = ok(api.as(TestUsers.SARAH).get("/v1/portfolio?owner=sarah@example.com"));
        assertThat(tenants(own.path("accounts"))).containsExactlyInAnyOrder("acme", "globex");

        JsonNode problem =
                assertProblem(
                        api.as(TestUsers.SARAH).get("/v1/portfolio?owner=marc@example.com"), 403);
        assertThat(problem.path("detail").asText())
                .isEqualTo(
                        "you may not see the portfolio of marc@example.com: it is outside your"
                                + " scope (accounts owned by sarah@example.com)");
    }

    @Test
    void managerSeesTheirTeam() {
        RunningApi.Caller vp = api.as(TestUsers.VP);
        assertThat(tenants(ok(vp.get("/v1/portfolio?owner=marc@example.com")).path("accounts")))
                .containsExactly("wayne");
        ok(vp.get("/v1/accounts/acme"));
        assertProblem(vp.get("/v1/accounts/umbrella"), 403);
        assertProblem(vp.get("/v1/portfolio?owner=someone@else.example"), 403);
        JsonNode summary = ok(vp.get("/v1/summary?n=10"));
        assertThat(summary.path("overall").path("accounts").asInt()).isEqualTo(3);
        assertThat(summary.toString()).doesNotContain("umbrella").doesNotContain("orphan");
    }

    @Test
    void summaryFiltersToTheCallersScope() {
        JsonNode sarah = ok(api.as(TestUsers.SARAH).get("/v1/summary?n=10"));
        assertThat(sarah.path("overall").path("accounts").asInt()).isEqualTo(2);
        assertThat(tenants(sarah.path("top"))).containsExactlyInAnyOrder("acme", "globex");
        assertThat(sarah.toString()).doesNotContain("wayne").doesNotContain("umbrella");

        JsonNode admin = ok(api.get("/v1/summary?n=10"));
        assertThat(admin.path("overall").path("accounts").asInt()).isEqualTo(4);
        AuditEntry entry = api.audit.last();
        assertThat(entry.tenants()).containsExactly("acme", "globex", "umbrella", "wayne");
    }

    @Test
    void customerAdminSeesExactlyTheirTenant() {
        RunningApi.Caller acme = api.as(TestUsers.ACME_ADMIN);
        ok(acme.get("/v1/accounts/acme"));
        assertProblem(acme.get("/v1/accounts/globex"), 403);
        assertProblem(acme.get("/v1/portfolio?owner=sarah@example.com"), 403);
        assertProblem(acme.get("/v1/portfolio"), 403);
        JsonNode summary = ok(acme.get("/v1/summary"));
        assertThat(summary.path("overall").path("accounts").asInt()).isEqualTo(1);
        assertProblem(acme.post("/v1/events", "application/json", "[]"), 403);
    }

    @Test
    void ingestRoleSendsButNeverReads() {
        RunningApi.Caller ingest = api.as(TestUsers.INGEST);
        JsonNode problem = assertProblem(ingest.get("/v1/accounts/acme"), 403);
        assertThat(problem.path("detail").asText())
                .isEqualTo("role ingest may not read data; it may only send events and accounts");
        assertProblem(ingest.get("/v1/summary"), 403);
        assertProblem(ingest.get("/v1/portfolio?owner=sarah@example.com"), 403);

        String event =
                "{\"eventId\":\"e1\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"login\","
                        + "\"timestamp\":\"2026-11-20T09:00:00Z\"}";
        assertThat(ingest.post("/v1/events", "application/json", event).statusCode())
                .isEqualTo(200);
        assertThat(api.publisher.events()).hasSize(1);
    }

    @Test
    void readersMayNotIngestNorAdminister() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        JsonNode problem = assertProblem(sarah.post("/v1/events", "application/json", "[]"), 403);
        assertThat(problem.path("detail").asText())
                .isEqualTo(
                        "sending events or accounts needs role ingest or admin; you have role"
                                + " viewer");
        assertProblem(sarah.post("/v1/accounts", "text/csv", "tenantId,name,owner\n"), 403);
        assertThat(api.publisher.events()).isEmpty();
        assertThat(api.publisher.accountBatches()).isEmpty();

        assertThat(assertProblem(sarah.get("/v1/audit"), 403).path("detail").asText())
                .isEqualTo("this needs role admin; you have role viewer");
        assertProblem(sarah.get("/v1/admin/api-keys"), 403);
        assertProblem(
                sarah.post(
                        "/v1/admin/api-keys",
                        "application/json",
                        "{\"name\":\"x\",\"role\":\"admin\",\"scope\":\"all\"}"),
                403);
        assertThat(api.apiKeys.list()).isEmpty();
    }

    @Test
    void auditRecordsEveryAccessWithItsTenantsAndOutcome() {
        ok(api.as(TestUsers.SARAH).get("/v1/accounts/acme"));
        AuditEntry allowed = api.audit.last();
        assertThat(allowed.subject()).isEqualTo(TestUsers.SARAH);
        assertThat(allowed.role()).isEqualTo("viewer");
        assertThat(allowed.method()).isEqualTo("GET");
        assertThat(allowed.action()).isEqualTo("GET /v1/accounts/:tenant");
        assertThat(allowed.tenants()).containsExactly("acme");
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.remote()).isEqualTo("127.0.0.1");
        assertThat(allowed.requestId()).isNotBlank();
        assertThat(allowed.at()).isEqualTo(NOW);

        assertProblem(api.as(TestUsers.SARAH).get("/v1/accounts/wayne?x=1"), 403);
        AuditEntry denied = api.audit.last();
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.tenants()).as("what was asked for").containsExactly("wayne");
        assertThat(denied.action()).doesNotContain("?").doesNotContain("wayne");
        assertThat(denied.detail()).contains("outside your scope");

        ok(api.as(TestUsers.SARAH).get("/v1/portfolio"));
        assertThat(api.audit.last().tenants()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(api.audit.entries()).hasSize(3);
    }

    @Test
    void notFoundAndBadRequestsAreAuditedAsAllowed() {
        assertProblem(api.get("/v1/accounts/nobody"), 404);
        assertThat(api.audit.last().allowed()).isTrue();
        assertThat(api.audit.last().status()).isEqualTo(404);
        assertProblem(api.get("/v1/nothing/here"), 404);
        assertThat(api.audit.last().action()).isEqualTo("GET (unknown route)");
        assertProblem(api.get("/v1/summary?n=zero"), 400);
        assertThat(api.audit.last().detail()).contains("'n'");
    }

    @Test
    void auditRoutesAnswer501WhereNoAuditReaderIsConfigured() {
        JsonNode problem = assertProblem(api.get("/v1/audit"), 501);
        assertThat(problem.path("detail").asText()).contains("does not read the audit log");
        assertProblem(api.get("/v1/audit/verify"), 501);
    }
}
