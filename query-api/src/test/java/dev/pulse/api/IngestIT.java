package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static dev.pulse.api.testing.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.testing.RecordingEventPublisher.PublishedEvent;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.topologies.account.Account;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest of events and accounts over a real server, with a recording publisher. */
class IngestIT {
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
    void reset() {
        api.reset();
    }

    private static String event(String id, String tenant) {
        return "{\"eventId\":\""
                + id
                + "\",\"tenantId\":\""
                + tenant
                + "\",\"userId\":\"u1\",\"type\":\"login\",\"timestamp\":\"2026-11-20T09:00:00Z\"}";
    }

    @Test
    void acceptsArrayAndReportsEachEvent() {
        String invalid = "{\"eventId\":\"e2\",\"tenantId\":\"acme\",\"type\":\"login\"}";
        HttpResponse<String> response =
                api.post(
                        "/v1/events",
                        "application/json",
                        "["
                                + event("e1", "acme")
                                + ","
                                + invalid
                                + ","
                                + event("e3", "globex")
                                + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = RunningApi.json(response);
        assertThat(body.path("accepted").asInt()).isEqualTo(2);
        assertThat(body.path("rejected").asInt()).isEqualTo(1);
        JsonNode results = body.path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(results.get(0).path("eventId").asText()).isEqualTo("e1");
        assertThat(results.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).path("eventId").asText()).isEqualTo("e2");
        assertThat(results.get(1).path("reason").asText()).contains("'userId' is required");
        assertThat(results.get(2).path("status").asText()).isEqualTo("accepted");
        assertThat(api.publisher.events())
                .extracting(PublishedEvent::tenantId)
                .containsExactlyInAnyOrder("acme", "globex");
    }

    @Test
    void publishesEachEventExactlyAsReceivedWithUnknownFields() {
        String original =
                "{\"eventId\":\"e1\", \"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"login\","
                        + "\"timestamp\":\"2026-11-20T09:00:00+01:00\",\"plan\":{\"tier\":1.50}}";
        HttpResponse<String> response =
                api.post("/v1/events", "application/json", "[\n  " + original + "\n]");

        assertThat(response.statusCode()).isEqualTo(200);
        PublishedEvent published = api.publisher.events().get(0);
        assertThat(published.text()).isEqualTo(original);
        assertThat(published.tenantId()).isEqualTo("acme");
        assertThat(published.eventTimeMs())
                .isEqualTo(Instant.parse("2026-11-20T08:00:00Z").toEpochMilli());
    }

    @Test
    void acceptsSingleObject() {
        HttpResponse<String> response =
                api.post("/v1/events", "application/json", event("e1", "acme"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(response).path("accepted").asInt()).isEqualTo(1);
        assertThat(api.publisher.events()).hasSize(1);
    }

    @Test
    void acceptsNdjsonRejectingOnlyTheBadLine() {
        String body = event("e1", "acme") + "\n{not json\n\n" + event("e3", "acme") + "\n";
        HttpResponse<String> response = api.post("/v1/events", "application/x-ndjson", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = RunningApi.json(response).path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(results.get(1).path("code").asText()).isEqualTo("malformed_json");
        assertThat(results.get(1).path("reason").asText()).contains("line 2");
        assertThat(api.publisher.events()).hasSize(2);
    }

    @Test
    void detectsNdjsonWithoutContentType() {
        HttpResponse<String> response =
                api.post(
                        "/v1/events",
                        "application/json",
                        event("e1", "acme") + "\n" + event("e2", "acme"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(response).path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void rejectsEventsFromTheFuture() {
        String future =
                "{\"eventId\":\"f\",\"tenantId\":\"acme\",\"userId\":\"u\",\"type\":\"login\","
                        + "\"timestamp\":\"2026-11-20T11:00:00Z\"}";
        JsonNode result =
                RunningApi.json(api.post("/v1/events", "application/json", future))
                        .path("results")
                        .get(0);
        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("code").asText()).isEqualTo("future_timestamp");
    }

    @Test
    void answersUnavailableAndMarksFailedEventsWhenPublishFails() {
        api.publisher.failWhen("globex"::equals);
        HttpResponse<String> response =
                api.post(
                        "/v1/events",
                        "application/json",
                        "[" + event("e1", "acme") + "," + event("e2", "globex") + "]");

        JsonNode problem = assertUnavailable(response);
        assertThat(problem.path("accepted").asInt()).isEqualTo(1);
        assertThat(problem.path("failed").asInt()).isEqualTo(1);
        JsonNode results = problem.path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(results.get(1).path("status").asText()).isEqualTo("failed");
        assertThat(results.get(1).path("eventId").asText()).isEqualTo("e2");
        assertThat(results.get(1).path("reason").asText()).contains("retry");
        assertThat(api.publisher.events())
                .extracting(PublishedEvent::tenantId)
                .containsExactly("acme");
    }

    @Test
    void upsertsAccountsFromJson() {
        String body =
                "[{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"Sarah@Example.com\","
                        + "\"licensedSeats\":250},{\"tenantId\":\"bad id\",\"name\":\"X\"}]";
        HttpResponse<String> response = api.post("/v1/accounts", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = RunningApi.json(response);
        assertThat(report.path("accepted").asInt()).isEqualTo(1);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("results").get(0).path("tenantId").asText()).isEqualTo("acme");
        assertThat(api.publisher.accountBatches()).hasSize(1);
        Account acme = api.publisher.accountBatches().get(0).get(0);
        assertThat(acme.owner()).isEqualTo("sarah@example.com");
        assertThat(acme.licensedSeats()).isEqualTo(250L);
    }

    @Test
    void keepsAccountsOfOwnersWhoAreNotPulseUsersAndWarnsAndCountsThem() {
        String body =
                "[{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"sarah@example.com\"},"
                    + "{\"tenantId\":\"globex\",\"name\":\"Globex\",\"owner\":\"Zed@Example.com\"},"
                    + "{\"tenantId\":\"initech\",\"name\":\"Initech\",\"owner\":\"zed@example.com\"}]";
        HttpResponse<String> response = api.post("/v1/accounts", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = RunningApi.json(response);
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        JsonNode warnings = report.path("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path("code").asText()).isEqualTo("unknown_owner");
        assertThat(warnings.get(0).path("owner").asText()).isEqualTo("zed@example.com");
        assertThat(warnings.get(0).path("tenantIds").toString())
                .isEqualTo("[\"globex\",\"initech\"]");
        assertThat(warnings.get(0).path("detail").asText())
                .startsWith("owner 'zed@example.com' is not a Pulse user in users.yaml");
        assertThat(api.publisher.accountBatches().get(0)).hasSize(3);
        String known = "{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"sarah@example.com\"}";
        JsonNode noWarnings = RunningApi.json(api.post("/v1/accounts", "application/json", known));
        assertThat(noWarnings.has("warnings")).isFalse();

        // The gauge reads the accounts table, whichever source filled it.
        api.publisher.accountBatches().get(0).forEach(api.localReader::put);
        assertThat(api.get("/metrics").body())
                .containsPattern("(?m)^pulse_accounts_unknown_owner(\\{[^}]*\\})? 2\\.0$");
    }

    @Test
    void upsertsAccountsFromCsvInOneBatch() {
        String csv =
                "tenantId,name,owner,team,plan,licensedSeats,arr,renewalDate,segment\n"
                        + "acme,Acme Corp,sarah@example.com,emea,enterprise,250,120000,2027-03-31,"
                        + "enterprise\n"
                        + "globex,\"Globex, Inc.\",marc@example.com,,,,,,\n"
                        + "initech,Initech,not-an-email,,,,,,\n";
        HttpResponse<String> response = api.post("/v1/accounts", "text/csv; charset=utf-8", csv);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = RunningApi.json(response);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("results").get(2).path("reason").asText()).contains("owner");
        List<List<Account>> batches = api.publisher.accountBatches();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0))
                .containsExactly(
                        new Account(
                                "acme",
                                "Acme Corp",
                                "sarah@example.com",
                                "emea",
                                "enterprise",
                                250L,
                                120_000.0,
                                LocalDate.of(2027, 3, 31),
                                "enterprise"),
                        new Account(
                                "globex",
                                "Globex, Inc.",
                                "marc@example.com",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
    }

    @Test
    void rejectsCsvWithoutRequiredColumns() {
        JsonNode problem =
                assertProblem(
                        api.post("/v1/accounts", "text/csv", "tenantId,name\nacme,Acme\n"), 400);
        assertThat(problem.path("detail").asText()).contains("owner");
        assertThat(api.publisher.accountBatches()).isEmpty();
    }

    @Test
    void answersUnavailableWhenAccountsCannotBeWritten() {
        api.publisher.failAll();
        JsonNode problem =
                assertUnavailable(
                        api.post(
                                "/v1/accounts",
                                "application/x-ndjson",
                                "{\"tenantId\":\"acme\",\"name\":\"Acme\",\"owner\":\"s@example.com\"}\n"));
        assertThat(problem.path("results").get(0).path("status").asText()).isEqualTo("failed");
    }
}
