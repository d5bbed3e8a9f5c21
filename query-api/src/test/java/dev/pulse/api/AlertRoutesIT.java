package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/alerts} and the alert actions over a real server: filters, order, scope (403),
 * unknown alerts (404), actions that do not fit the state (409), and the published commands.
 */
class AlertRoutesIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final String JSON = "application/json";
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
                .putAlert(alert("acme", "gone-silent", AlertState.FIRING, Severity.CRITICAL, 3))
                .putAlert(alert("acme", "usage-drop", AlertState.RESOLVED, Severity.WARNING, 5))
                .putAlert(alert("globex", "health-drop", AlertState.FIRING, Severity.WARNING, 1))
                .putAlert(alert("wayne", "gone-silent", AlertState.FIRING, Severity.CRITICAL, 2));
    }

    @Test
    void listsEveryAlertInScopeNewestFirst() {
        JsonNode all = ok(api.get("/v1/alerts"));

        assertThat(ids(all))
                .containsExactly(
                        "globex/health-drop",
                        "wayne/gone-silent",
                        "acme/gone-silent",
                        "acme/usage-drop");
        assertThat(all.path("count").asInt()).isEqualTo(4);
        assertThat(all.path("truncated").asBoolean()).isFalse();
        JsonNode first = all.path("alerts").get(0);
        assertThat(first.path("state").asText()).isEqualTo("firing");
        assertThat(first.path("owner").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(api.audit.last().tenants()).containsExactlyInAnyOrder("acme", "globex", "wayne");
    }

    @Test
    void filtersByStateSeverityOwnerAndTenant() {
        assertThat(ids(ok(api.get("/v1/alerts?state=firing&severity=critical"))))
                .containsExactly("wayne/gone-silent", "acme/gone-silent");
        assertThat(ids(ok(api.get("/v1/alerts?owner=marc@example.com"))))
                .containsExactly("wayne/gone-silent");
        assertThat(ids(ok(api.get("/v1/alerts?tenant=acme&state=resolved"))))
                .containsExactly("acme/usage-drop");
        JsonNode limited = ok(api.get("/v1/alerts?limit=1"));
        assertThat(ids(limited)).containsExactly("globex/health-drop");
        assertThat(limited.path("truncated").asBoolean()).isTrue();
        assertProblem(api.get("/v1/alerts?state=sleeping"), 400);
        assertProblem(api.get("/v1/alerts?severity=loud"), 400);
    }

    @Test
    void anAccountManagerSeesOnlyAlertsOfTheirAccounts() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        assertThat(ids(ok(sarah.get("/v1/alerts"))))
                .containsExactly("globex/health-drop", "acme/gone-silent", "acme/usage-drop");
        assertThat(ids(ok(sarah.get("/v1/alerts?owner=marc@example.com")))).isEmpty();
        JsonNode problem = assertProblem(sarah.get("/v1/alerts?tenant=wayne"), 403);
        assertThat(problem.path("detail").asText()).contains("outside your scope");
    }

    @Test
    void ackPublishesACommandAndAnswersAccepted() {
        HttpResponse<String> response =
                api.as(TestUsers.SARAH)
                        .post(
                                "/v1/alerts/acme/gone-silent/ack",
                                JSON,
                                "{\"note\":\"calling them\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = RunningApi.json(response);
        assertThat(body.path("alertId").asText()).isEqualTo("acme/gone-silent");
        assertThat(body.path("action").asText()).isEqualTo("ACK");
        assertThat(body.path("by").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(body.path("at").asText()).isEqualTo(NOW.toString());
        assertThat(api.publisher.alertCommands())
                .containsExactly(
                        new AlertCommand(
                                "acme/gone-silent",
                                AlertAction.ACK,
                                null,
                                TestUsers.SARAH,
                                NOW,
                                "calling them"));
        AuditEntry entry = api.audit.last();
        assertThat(entry.action()).isEqualTo("POST /v1/alerts/:tenant/:rule/ack");
        assertThat(entry.tenants()).containsExactly("acme");
        assertThat(entry.status()).isEqualTo(202);
    }

    @Test
    void snoozeTakesAnInstantOrADuration() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        Instant until = NOW.plus(Duration.ofHours(4));

        HttpResponse<String> byFor =
                sarah.post("/v1/alerts/acme/gone-silent/snooze", JSON, "{\"for\":\"P1D\"}");
        HttpResponse<String> byUntil =
                sarah.post(
                        "/v1/alerts/globex/health-drop/snooze",
                        JSON,
                        "{\"until\":\"" + until + "\"}");

        assertThat(byFor.statusCode()).as(byFor.body()).isEqualTo(202);
        assertThat(byUntil.statusCode()).as(byUntil.body()).isEqualTo(202);
        assertThat(api.publisher.alertCommands())
                .extracting(AlertCommand::until)
                .containsExactlyInAnyOrder(NOW.plus(Duration.ofDays(1)), until);
        assertProblem(sarah.post("/v1/alerts/acme/gone-silent/snooze", JSON, "{}"), 400);
        assertProblem(
                sarah.post("/v1/alerts/acme/gone-silent/snooze", JSON, "{\"for\":\"-PT1H\"}"), 400);
        assertProblem(
                sarah.post("/v1/alerts/acme/gone-silent/snooze", JSON, "{\"for\":\"soon\"}"), 400);
    }

    @Test
    void resolvePublishesACommandWithoutABody() {
        HttpResponse<String> response =
                api.as(TestUsers.SARAH).send("POST", "/v1/alerts/globex/health-drop/resolve");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(api.publisher.alertCommands())
                .extracting(AlertCommand::alertId, AlertCommand::action)
                .containsExactly(tuple("globex/health-drop", AlertAction.RESOLVE));
    }

    @Test
    void actionsOutsideTheScopeAreRefusedAndPublishNothing() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        assertProblem(sarah.post("/v1/alerts/wayne/gone-silent/ack", JSON, ""), 403);
        assertProblem(sarah.send("POST", "/v1/alerts/nowhere/gone-silent/resolve"), 403);
        assertProblem(
                api.as(TestUsers.ACME_ADMIN).post("/v1/alerts/acme/gone-silent/ack", JSON, ""),
                403);
        assertProblem(
                api.as(TestUsers.INGEST).post("/v1/alerts/acme/gone-silent/ack", JSON, ""), 403);

        assertThat(api.publisher.alertCommands()).isEmpty();
        AuditEntry denied = api.audit.last();
        assertThat(denied.allowed()).isFalse();
    }

    @Test
    void unknownAlertsAre404AndActionsThatDoNotFitTheStateAre409() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);

        assertProblem(sarah.post("/v1/alerts/acme/no-such-rule/ack", JSON, ""), 404);
        JsonNode conflict =
                assertProblem(sarah.post("/v1/alerts/acme/usage-drop/ack", JSON, ""), 409);
        assertThat(conflict.path("detail").asText())
                .isEqualTo("alert 'acme/usage-drop' is resolved; it cannot be acknowledged now");
        assertProblem(sarah.post("/v1/alerts/acme/Bad_Rule/ack", JSON, ""), 400);

        assertThat(api.publisher.alertCommands()).isEmpty();
    }

    @Test
    void aCommandTheBrokerDoesNotAcknowledgeIs503() {
        api.publisher.failAll();

        HttpResponse<String> response =
                api.as(TestUsers.SARAH).post("/v1/alerts/acme/gone-silent/ack", JSON, "");

        assertProblem(response, 503);
    }

    @Test
    void theInternalRouteReadsOnlyLocalAlerts() {
        api.localReader.putAlert(
                alert("acme", "gone-silent", AlertState.FIRING, Severity.CRITICAL, 1));

        HttpResponse<String> response = api.get("/internal/v1/tenants/acme/alerts");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningApi.json(response).get(0).path("id").asText())
                .isEqualTo("acme/gone-silent");
        assertThat(api.reader.readThreads()).isEmpty();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApi.json(response);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("alerts").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    /** An alert that changed state {@code hoursAgo} hours before now. */
    private static Alert alert(
            String tenant, String rule, AlertState state, Severity severity, int hoursAgo) {
        Instant changed = NOW.minus(Duration.ofHours(hoursAgo));
        boolean resolved = state == AlertState.RESOLVED;
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.SILENCE,
                severity,
                state,
                changed.minus(Duration.ofDays(1)),
                resolved ? changed.minus(Duration.ofHours(1)) : changed,
                resolved ? changed : null,
                tenant + ": no activity for 7 days",
                tenant.equals("wayne") ? TestUsers.MARC : TestUsers.SARAH,
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
