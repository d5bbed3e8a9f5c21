package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static dev.pulse.api.testing.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.topologies.alert.Alert;
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
 * {@code GET /v1/alerts/history} over a real server: one account's transitions oldest first, the
 * range, rule and limit parameters, scope (403), unknown accounts (404), bad parameters (400), a
 * rebalancing store (503), the audit entry, and the internal route other instances call.
 */
class AlertHistoryRoutesIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final Instant DAY_1 = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-11-09T00:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2026-11-16T14:00:00Z");
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
                .put(Scores.account("wayne", "Wayne", TestUsers.MARC))
                .putTransition(
                        NOW.minus(Duration.ofDays(100)),
                        alert("acme", "gone-silent", AlertState.FIRING, null, false))
                .putTransition(DAY_1, alert("acme", "usage-drop", AlertState.FIRING, null, true))
                .putTransition(DAY_1, alert("acme", "at-risk", AlertState.FIRING, null, true))
                .putTransition(DAY_2, alert("acme", "usage-drop", AlertState.RESOLVED, DAY_2, true))
                .putTransition(
                        DAY_3,
                        acknowledged(alert("acme", "at-risk", AlertState.FIRING, null, false)))
                .putTransition(DAY_1, alert("wayne", "at-risk", AlertState.FIRING, null, true));
    }

    @Test
    void listsOneAccountsTransitionsOfTheLastNinetyDaysOldestFirst() {
        JsonNode history = ok(api.get("/v1/alerts/history?tenant=acme"));

        assertThat(history.path("tenantId").asText()).isEqualTo("acme");
        assertThat(history.path("from").asText()).isEqualTo("2026-08-22T10:30:00Z");
        assertThat(history.path("to").asText()).isEqualTo(NOW.toString());
        assertThat(history.path("count").asInt()).isEqualTo(4);
        assertThat(history.path("truncated").asBoolean()).isFalse();
        assertThat(changes(history))
                .containsExactly(
                        "2026-11-02T00:00:00Z acme/usage-drop firing",
                        "2026-11-02T00:00:00Z acme/at-risk firing",
                        "2026-11-09T00:00:00Z acme/usage-drop resolved",
                        "2026-11-16T14:00:00Z acme/at-risk firing");
        JsonNode resolved = history.path("transitions").get(2);
        assertThat(resolved.path("ruleId").asText()).isEqualTo("usage-drop");
        assertThat(resolved.path("kind").asText()).isEqualTo("usage_drop");
        assertThat(resolved.path("severity").asText()).isEqualTo("warning");
        assertThat(resolved.path("firstSeenAt").asText()).isEqualTo("2026-10-31T00:00:00Z");
        assertThat(resolved.path("firedAt").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(resolved.path("resolvedAt").asText()).isEqualTo(DAY_2.toString());
        assertThat(resolved.path("explanation").asText()).isEqualTo("acme: usage-drop");
        assertThat(resolved.path("ruleVersion").asText()).isEqualTo("test-1");
        assertThat(resolved.path("replayed").asBoolean()).isTrue();
        assertThat(resolved.has("owner")).as("routing detail is not history").isFalse();
        JsonNode acked = history.path("transitions").get(3);
        assertThat(acked.path("acknowledgedAt").asText()).isEqualTo(DAY_3.toString());
        assertThat(acked.path("actedBy").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(acked.path("replayed").asBoolean()).isFalse();
    }

    @Test
    void takesARangeARuleAndALimit() {
        assertThat(
                        changes(
                                ok(
                                        api.get(
                                                "/v1/alerts/history?tenant=acme&from=2026-11-02&to=2026-11-09"))))
                .containsExactly(
                        "2026-11-02T00:00:00Z acme/usage-drop firing",
                        "2026-11-02T00:00:00Z acme/at-risk firing");
        assertThat(
                        changes(
                                ok(
                                        api.get(
                                                "/v1/alerts/history?tenant=acme&from=2026-01-01"
                                                        + "&to=2026-11-20T00:00:00Z"))))
                .hasSize(5)
                .first()
                .asString()
                .endsWith("acme/gone-silent firing");
        assertThat(changes(ok(api.get("/v1/alerts/history?tenant=acme&rule=usage-drop"))))
                .containsExactly(
                        "2026-11-02T00:00:00Z acme/usage-drop firing",
                        "2026-11-09T00:00:00Z acme/usage-drop resolved");

        JsonNode limited = ok(api.get("/v1/alerts/history?tenant=acme&limit=2"));
        assertThat(changes(limited))
                .containsExactly(
                        "2026-11-02T00:00:00Z acme/usage-drop firing",
                        "2026-11-02T00:00:00Z acme/at-risk firing");
        assertThat(limited.path("count").asInt()).isEqualTo(2);
        assertThat(limited.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void anAccountOutsideTheCallersScopeIs403AndAuditedAsDenied() {
        JsonNode problem =
                assertProblem(api.as(TestUsers.SARAH).get("/v1/alerts/history?tenant=wayne"), 403);

        assertThat(problem.path("detail").asText()).contains("outside your scope");
        AuditEntry entry = api.audit.last();
        assertThat(entry.action()).isEqualTo("GET /v1/alerts/history");
        assertThat(entry.status()).isEqualTo(403);
        assertThat(ok(api.as(TestUsers.SARAH).get("/v1/alerts/history?tenant=acme")).path("count"))
                .hasToString("4");
        assertThat(api.audit.last().tenants()).containsExactly("acme");
    }

    @Test
    void anUnknownAccountIs404() {
        JsonNode problem = assertProblem(api.get("/v1/alerts/history?tenant=nobody"), 404);
        assertThat(problem.path("detail").asText()).contains("'nobody'");
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertThat(parameterOf(api.get("/v1/alerts/history"))).isEqualTo("tenant");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=a%20b"))).isEqualTo("tenant");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=acme&from=yesterday")))
                .isEqualTo("from");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=acme&to=2026-13-01")))
                .isEqualTo("to");
        assertThat(
                        parameterOf(
                                api.get(
                                        "/v1/alerts/history?tenant=acme&from=2026-11-10"
                                                + "&to=2026-11-01")))
                .isEqualTo("from");
        assertThat(
                        parameterOf(
                                api.get(
                                        "/v1/alerts/history?tenant=acme&from=2020-01-01"
                                                + "&to=2026-11-01")))
                .isEqualTo("from");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=acme&rule=Not%20a%20rule")))
                .isEqualTo("rule");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=acme&limit=0")))
                .isEqualTo("limit");
        assertThat(parameterOf(api.get("/v1/alerts/history?tenant=acme&limit=10001")))
                .isEqualTo("limit");
    }

    @Test
    void aRebalancingStoreIs503WithRetryAfter() {
        api.reader.failWith(
                new StateUnavailableException(
                        "stores are rebalancing", Duration.ofSeconds(3), null));

        HttpResponse<String> response = api.get("/v1/alerts/history?tenant=acme");

        assertUnavailable(response);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void theInternalRouteReadsOnlyLocalHistory() {
        api.localReader.putTransition(
                DAY_1, alert("acme", "at-risk", AlertState.FIRING, null, true));

        HttpResponse<String> response =
                api.get(
                        "/internal/v1/tenants/acme/alert-history"
                                + "?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode transitions = RunningApi.json(response);
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).path("at").asText()).isEqualTo(DAY_1.toString());
        assertThat(transitions.get(0).path("id").asText()).isEqualTo("acme/at-risk");
        assertThat(api.reader.readThreads()).isEmpty();
        assertProblem(api.get("/internal/v1/tenants/acme/alert-history?from=2026-11-01"), 400);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApi.json(response);
    }

    private static String parameterOf(HttpResponse<String> response) {
        return assertProblem(response, 400).path("parameter").asText();
    }

    /** Each transition as "at id state". */
    private static List<String> changes(JsonNode history) {
        List<String> changes = new ArrayList<>();
        history.path("transitions")
                .forEach(
                        t ->
                                changes.add(
                                        t.path("at").asText()
                                                + " "
                                                + t.path("id").asText()
                                                + " "
                                                + t.path("state").asText()));
        return changes;
    }

    private static Alert alert(
            String tenant, String rule, AlertState state, Instant resolvedAt, boolean replayed) {
        Instant fired = Instant.parse("2026-11-01T00:00:00Z");
        return new Alert(
                        Alert.id(tenant, rule),
                        tenant,
                        rule,
                        rule.equals("usage-drop") ? AlertKind.USAGE_DROP : AlertKind.AT_RISK,
                        rule.equals("usage-drop") ? Severity.WARNING : Severity.CRITICAL,
                        state,
                        fired.minus(Duration.ofDays(1)),
                        fired,
                        resolvedAt,
                        tenant + ": " + rule,
                        tenant.equals("wayne") ? TestUsers.MARC : TestUsers.SARAH,
                        Alert.link(tenant),
                        40.0,
                        NOW,
                        "test-1",
                        null,
                        null,
                        null,
                        null)
                .replayed(replayed);
    }

    private static Alert acknowledged(Alert alert) {
        return new Alert(
                alert.id(),
                alert.tenantId(),
                alert.ruleId(),
                alert.kind(),
                alert.severity(),
                alert.state(),
                alert.firstSeenAt(),
                alert.firedAt(),
                alert.resolvedAt(),
                alert.explanation(),
                alert.owner(),
                alert.link(),
                alert.scoreAtFire(),
                alert.lastEvaluatedAt(),
                alert.ruleVersion(),
                DAY_3,
                null,
                TestUsers.SARAH,
                null);
    }
}
