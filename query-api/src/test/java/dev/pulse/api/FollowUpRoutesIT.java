package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpAction;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.followup.FollowUpStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up routes over a real server: create (directly and from an alert), change, list per
 * account and per owner; scope (403), unknown accounts, alerts and follow-ups (404), bad input (400
 * naming the field), transitions that do not fit (409), and the published commands.
 */
class FollowUpRoutesIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final String JSON = "application/json";
    private static final String CHAMPION = "0b6f8a8e-6f2c-4d8e-9a57-3f1c2d4e5f60";
    private static final String SOMEDAY = "1c7a9b9f-7a3d-4e9f-8b68-4a2d3e5f6a71";
    private static final String MARCS = "2d8bac0a-8b4e-4fa0-9c79-5b3e4f6a7b82";
    private static final String DONE = "3e9cbd1b-9c5f-4ab1-8d8a-6c4f5a7b8c93";
    private static final String WAYNES = "4fadce2c-ad6a-4bc2-9e9b-7d5a6b8c9da4";
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
                .putAlert(alert("acme", "gone-silent", "acme: no activity for 7 days"))
                .putFollowUp(followUp("acme", CHAMPION, TestUsers.SARAH, TODAY.plusDays(5), 1))
                .putFollowUp(followUp("acme", SOMEDAY, TestUsers.SARAH, null, 3))
                .putFollowUp(followUp("acme", MARCS, TestUsers.MARC, TODAY.plusDays(2), 2))
                .putFollowUp(
                        closed(followUp("globex", DONE, TestUsers.SARAH, TODAY.plusDays(1), 4)))
                .putFollowUp(followUp("wayne", WAYNES, TestUsers.MARC, TODAY, 5));
    }

    @Test
    void createAnswersAcceptedWithTheFollowUpAsItWillBeAndPublishesIt() {
        HttpResponse<String> response =
                api.as(TestUsers.SARAH)
                        .post(
                                "/v1/accounts/acme/follow-ups",
                                JSON,
                                "{\"title\":\" Call the champion \",\"dueDate\":\"2026-11-27\","
                                        + "\"note\":\"renewal in March\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location"))
                .contains("/v1/accounts/acme/follow-ups");
        JsonNode body = RunningApi.json(response);
        String id = body.path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(body.path("tenantId").asText()).isEqualTo("acme");
        assertThat(body.path("title").asText()).isEqualTo("Call the champion");
        assertThat(body.path("dueDate").asText()).isEqualTo("2026-11-27");
        assertThat(body.path("status").asText()).isEqualTo("open");
        assertThat(body.path("owner").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(body.path("createdBy").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(body.path("createdAt").asText()).isEqualTo(NOW.toString());
        assertThat(body.has("alertId")).isFalse();
        assertThat(api.publisher.followUpCommands())
                .containsExactly(
                        FollowUpCommand.create(
                                id,
                                null,
                                " Call the champion ",
                                LocalDate.parse("2026-11-27"),
                                null,
                                "renewal in March",
                                TestUsers.SARAH,
                                NOW));
        AuditEntry entry = api.audit.last();
        assertThat(entry.action()).isEqualTo("POST /v1/accounts/:tenant/follow-ups");
        assertThat(entry.tenants()).containsExactly("acme");
        assertThat(entry.status()).isEqualTo(202);
    }

    @Test
    void aFollowUpFromAnAlertLinksItAndTakesItsExplanationAsTitle() {
        api.reader.putAlert(alert("globex", "usage-drop", "Usage fell. " + "x".repeat(300)));
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        HttpResponse<String> fromAlert =
                sarah.post(
                        "/v1/alerts/acme/gone-silent/follow-up",
                        JSON,
                        "{\"owner\":\"Marc@Example.com\"}");
        HttpResponse<String> withoutBody =
                sarah.send("POST", "/v1/alerts/globex/usage-drop/follow-up");

        assertThat(fromAlert.statusCode()).as(fromAlert.body()).isEqualTo(202);
        JsonNode body = RunningApi.json(fromAlert);
        assertThat(body.path("alertId").asText()).isEqualTo("acme/gone-silent");
        assertThat(body.path("title").asText()).isEqualTo("acme: no activity for 7 days");
        assertThat(body.path("owner").asText()).isEqualTo(TestUsers.MARC);
        assertThat(body.path("createdBy").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(withoutBody.statusCode()).as(withoutBody.body()).isEqualTo(202);
        String title = RunningApi.json(withoutBody).path("title").asText();
        assertThat(title).hasSize(200).startsWith("Usage fell. xxx").endsWith("…");
        assertThat(api.publisher.followUpCommands())
                .extracting(FollowUpCommand::alertId)
                .containsExactlyInAnyOrder("acme/gone-silent", "globex/usage-drop");
        assertThat(api.audit.last().action()).isEqualTo("POST /v1/alerts/:tenant/:rule/follow-up");
        assertProblem(sarah.send("POST", "/v1/alerts/acme/no-such-rule/follow-up"), 404);
    }

    @Test
    void outsideTheScopeEveryRouteIs403AndNothingIsPublished() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        assertProblem(sarah.post("/v1/accounts/wayne/follow-ups", JSON, "{\"title\":\"t\"}"), 403);
        assertProblem(
                sarah.post("/v1/accounts/nowhere/follow-ups", JSON, "{\"title\":\"t\"}"), 403);
        assertProblem(sarah.send("POST", "/v1/alerts/wayne/gone-silent/follow-up"), 403);
        assertProblem(patch(sarah, "/v1/follow-ups/wayne/" + WAYNES, "{\"status\":\"done\"}"), 403);
        assertProblem(sarah.get("/v1/accounts/wayne/follow-ups"), 403);
        assertProblem(sarah.get("/v1/follow-ups?tenant=wayne"), 403);
        assertProblem(
                api.as(TestUsers.ACME_ADMIN)
                        .post("/v1/accounts/acme/follow-ups", JSON, "{\"title\":\"t\"}"),
                403);
        assertProblem(api.as(TestUsers.ACME_ADMIN).get("/v1/accounts/acme/follow-ups"), 403);
        assertProblem(
                api.as(TestUsers.INGEST)
                        .post("/v1/accounts/acme/follow-ups", JSON, "{\"title\":\"t\"}"),
                403);

        assertThat(api.publisher.followUpCommands()).isEmpty();
        assertThat(api.audit.last().allowed()).isFalse();
    }

    @Test
    void unknownAccountsAlertsAndFollowUpsAre404() {
        assertProblem(api.post("/v1/accounts/nowhere/follow-ups", JSON, "{\"title\":\"t\"}"), 404);
        assertProblem(api.get("/v1/accounts/nowhere/follow-ups"), 404);
        assertProblem(api.send("POST", "/v1/alerts/acme/usage-drop/follow-up"), 404);
        assertProblem(
                patch(
                        api.as(TestUsers.ADMIN),
                        "/v1/follow-ups/acme/" + UUID.randomUUID(),
                        "{\"status\":\"done\"}"),
                404);

        assertThat(api.publisher.followUpCommands()).isEmpty();
    }

    @Test
    void badInputIs400AndTheProblemNamesTheField() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        String path = "/v1/accounts/acme/follow-ups";

        assertThat(badField(sarah.post(path, JSON, "{}"))).isEqualTo("title");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":\"   \"}"))).isEqualTo("title");
        assertThat(badField(sarah.post(path, JSON, title("x".repeat(201))))).isEqualTo("title");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":7}"))).isEqualTo("title");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":\"t\",\"dueDate\":\"soon\"}")))
                .isEqualTo("dueDate");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":\"t\",\"dueDate\":\"2020-01-01\"}")))
                .isEqualTo("dueDate");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":\"t\",\"owner\":\"marc\"}")))
                .isEqualTo("owner");
        assertThat(
                        badField(
                                sarah.post(
                                        path,
                                        JSON,
                                        "{\"title\":\"t\",\"note\":\"" + "n".repeat(1001) + "\"}")))
                .isEqualTo("note");
        assertThat(badField(sarah.post(path, JSON, "{\"title\":\"t\",\"status\":\"done\"}")))
                .isEqualTo("status");
        assertProblem(sarah.post(path, JSON, "not json"), 400);
        assertThat(badField(patch(sarah, "/v1/follow-ups/acme/nope", "{\"status\":\"done\"}")))
                .isEqualTo("id");
        assertThat(badField(patch(sarah, "/v1/follow-ups/acme/" + CHAMPION, "{\"status\":\"x\"}")))
                .isEqualTo("status");
        assertProblem(patch(sarah, "/v1/follow-ups/acme/" + CHAMPION, "{}"), 400);
        assertThat(badField(sarah.get("/v1/follow-ups?status=later"))).isEqualTo("status");

        assertThat(api.publisher.followUpCommands()).isEmpty();
    }

    @Test
    void anOwnerWhoIsNotAPulseUserIs400NamingThemOnCreateAndReassign() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        String stranger = "zed@example.com";

        JsonNode created =
                assertProblem(
                        sarah.post(
                                "/v1/accounts/acme/follow-ups",
                                JSON,
                                "{\"title\":\"t\",\"owner\":\"" + stranger + "\"}"),
                        400);
        JsonNode fromAlert =
                assertProblem(
                        sarah.post(
                                "/v1/alerts/acme/gone-silent/follow-up",
                                JSON,
                                "{\"owner\":\"" + stranger + "\"}"),
                        400);
        JsonNode reassigned =
                assertProblem(
                        patch(
                                sarah,
                                "/v1/follow-ups/acme/" + CHAMPION,
                                "{\"owner\":\"" + stranger + "\"}"),
                        400);

        for (JsonNode problem : List.of(created, fromAlert, reassigned)) {
            assertThat(problem.path("parameter").asText()).isEqualTo("owner");
            assertThat(problem.path("detail").asText())
                    .isEqualTo("parameter 'owner' " + FollowUps.unknownOwner(stranger))
                    .contains("'zed@example.com' is not a Pulse user in users.yaml");
        }
        assertThat(api.publisher.followUpCommands()).isEmpty();
    }

    @Test
    void anAccountsFollowUpsAreListedByDueDateWithoutDueDateLast() {
        JsonNode list = ok(api.as(TestUsers.SARAH).get("/v1/accounts/acme/follow-ups"));

        assertThat(ids(list)).containsExactly(MARCS, CHAMPION, SOMEDAY);
        assertThat(list.path("count").asInt()).isEqualTo(3);
        assertThat(list.path("followUps").get(0).path("dueDate").asText()).isEqualTo("2026-11-22");
        assertThat(ids(ok(api.get("/v1/accounts/globex/follow-ups?status=open")))).isEmpty();
        assertThat(api.audit.last().action()).isEqualTo("GET /v1/accounts/:tenant/follow-ups");
    }

    @Test
    void anOwnersFollowUpsSpanTheirScopeAndDefaultToTheCaller() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        assertThat(ids(ok(sarah.get("/v1/follow-ups")))).containsExactly(DONE, CHAMPION, SOMEDAY);
        assertThat(ids(ok(sarah.get("/v1/follow-ups?status=open"))))
                .containsExactly(CHAMPION, SOMEDAY);
        assertThat(ids(ok(sarah.get("/v1/follow-ups?tenant=globex")))).containsExactly(DONE);
        assertThat(api.audit.last().tenants()).containsExactly("globex");
        // Marc's follow-up on Sarah's account is not in his scope; Sarah can see it.
        assertThat(ids(ok(api.as(TestUsers.MARC).get("/v1/follow-ups")))).containsExactly(WAYNES);
        assertThat(ids(ok(sarah.get("/v1/follow-ups?owner=marc@example.com"))))
                .containsExactly(MARCS);
        JsonNode limited = ok(api.get("/v1/follow-ups?owner=marc@example.com&limit=1"));
        assertThat(ids(limited)).containsExactly(WAYNES);
        assertThat(limited.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void patchPublishesTheChangeAndRefusesTransitionsThatDoNotFit() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        HttpResponse<String> done =
                patch(
                        sarah,
                        "/v1/follow-ups/acme/" + CHAMPION,
                        "{\"status\":\"done\",\"dueDate\":null}");
        HttpResponse<String> unchanged =
                patch(sarah, "/v1/follow-ups/acme/" + SOMEDAY, "{\"status\":\"open\"}");
        JsonNode conflict =
                assertProblem(
                        patch(sarah, "/v1/follow-ups/globex/" + DONE, "{\"status\":\"cancelled\"}"),
                        409);
        HttpResponse<String> reopened =
                patch(
                        sarah,
                        "/v1/follow-ups/globex/" + DONE,
                        "{\"status\":\"open\",\"title\":\"Again\"}");

        assertThat(done.statusCode()).as(done.body()).isEqualTo(202);
        assertThat(RunningApi.json(done).path("status").asText()).isEqualTo("done");
        assertThat(RunningApi.json(done).has("dueDate")).isFalse();
        assertThat(RunningApi.json(done).path("updatedAt").asText()).isEqualTo(NOW.toString());
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        assertThat(conflict.path("detail").asText())
                .isEqualTo(
                        "follow-up '"
                                + DONE
                                + "' is done and cannot become cancelled; reopen it first");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(202);
        assertThat(api.publisher.followUpCommands())
                .extracting(FollowUpCommand::followUpId, FollowUpCommand::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CHAMPION, FollowUpAction.UPDATE),
                        org.assertj.core.groups.Tuple.tuple(DONE, FollowUpAction.UPDATE));
        assertThat(api.publisher.followUpCommands().get(0).clearDueDate()).isTrue();
        assertThat(api.audit.last().action()).isEqualTo("PATCH /v1/follow-ups/:tenant/:id");
    }

    @Test
    void aCommandTheBrokerDoesNotAcknowledgeIs503() {
        api.publisher.failAll();

        assertProblem(
                api.as(TestUsers.SARAH)
                        .post("/v1/accounts/acme/follow-ups", JSON, "{\"title\":\"t\"}"),
                503);
    }

    @Test
    void theInternalRouteReadsOnlyLocalFollowUps() {
        api.localReader.putFollowUp(followUp("acme", CHAMPION, TestUsers.SARAH, null, 1));

        HttpResponse<String> response = api.get("/internal/v1/tenants/acme/follow-ups");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningApi.json(response).get(0).path("id").asText()).isEqualTo(CHAMPION);
        assertThat(api.reader.readThreads()).isEmpty();
    }

    private static HttpResponse<String> patch(RunningApi.Caller caller, String path, String json) {
        return caller.send(
                HttpRequest.newBuilder(api.uri(path))
                        .header("Content-Type", JSON)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String badField(HttpResponse<String> response) {
        return assertProblem(response, 400).path("parameter").asText();
    }

    private static String title(String title) {
        return "{\"title\":\"" + title + "\"}";
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApi.json(response);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("followUps").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    /** An open follow-up created {@code hoursAgo} hours before now. */
    private static FollowUp followUp(
            String tenant, String id, String owner, LocalDate due, int hoursAgo) {
        Instant created = NOW.minus(Duration.ofHours(hoursAgo));
        return new FollowUp(
                id,
                tenant,
                null,
                "Follow up " + id.substring(0, 4),
                due,
                FollowUpStatus.OPEN,
                owner,
                owner,
                created,
                created,
                null);
    }

    private static FollowUp closed(FollowUp f) {
        return new FollowUp(
                f.id(),
                f.tenantId(),
                f.alertId(),
                f.title(),
                f.dueDate(),
                FollowUpStatus.DONE,
                f.owner(),
                f.createdBy(),
                f.createdAt(),
                NOW,
                f.note());
    }

    private static Alert alert(String tenant, String rule, String explanation) {
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.SILENCE,
                Severity.CRITICAL,
                AlertState.FIRING,
                NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofHours(1)),
                null,
                explanation,
                TestUsers.SARAH,
                Alert.link(tenant),
                40.0,
                NOW,
                "test-1",
                null,
                null,
                null,
                null);
    }
}
