package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.api.testing.InMemoryScheduleStore;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpStatus;
import dev.pulse.topologies.health.HealthModel;
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
 * {@code segment=} on the alerts and follow-ups lists and on report schedules, over a real server:
 * the list narrows to the segment's accounts in the caller's scope, an unknown segment is a 404
 * naming it, and a schedule keeps its segment for its runs.
 */
class SegmentFilterRoutesIT {
    private static final Instant NOW = Instant.parse("2026-12-01T10:30:00Z");
    private static final String SARAHS = "seg-00000000000a";
    private static final String MARCS = "seg-00000000000b";
    private static final String JSON = "application/json";

    private static final InMemoryScheduleStore SCHEDULES = new InMemoryScheduleStore();
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api =
                RunningApi.builder()
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .reports(new ReportSettings(new HealthModel.Bands(70, 40), 2, 8, SCHEDULES))
                        .start();
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
                .putAlert(alert("acme", 3))
                .putAlert(alert("globex", 2))
                .putAlert(alert("wayne", 1))
                .putFollowUp(followUp("acme", "a1111111-0000-0000-0000-000000000000"))
                .putFollowUp(followUp("wayne", "b2222222-0000-0000-0000-000000000000"));
        segment(SARAHS, "Sarah's", TestUsers.SARAH);
        segment(MARCS, "Marc's", TestUsers.MARC);
    }

    @Test
    void narrowsTheAlertsListToTheSegmentsAccounts() {
        assertThat(tenants(api.get("/v1/alerts"), "alerts"))
                .containsExactly("wayne", "globex", "acme");
        assertThat(tenants(api.get("/v1/alerts?segment=" + SARAHS), "alerts"))
                .containsExactly("globex", "acme");
        assertThat(tenants(api.get("/v1/alerts?state=firing&segment=" + MARCS), "alerts"))
                .containsExactly("wayne");
        // Within the caller's scope: Marc's segment holds none of Sarah's accounts.
        assertThat(tenants(api.as(TestUsers.SARAH).get("/v1/alerts?segment=" + MARCS), "alerts"))
                .isEmpty();
        HttpResponse<String> csv = api.get("/v1/alerts.csv?segment=" + SARAHS);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("acme").doesNotContain("wayne");
    }

    @Test
    void answersAnUnknownSegmentOrOneWithATenantOnTheAlertsListClearly() {
        JsonNode unknown = assertProblem(api.get("/v1/alerts?segment=seg-000000000000"), 404);
        assertThat(unknown.path("detail").asText()).isEqualTo("no segment 'seg-000000000000'");
        assertThat(unknown.path("segment").asText()).isEqualTo("seg-000000000000");
        JsonNode both = assertProblem(api.get("/v1/alerts?tenant=acme&segment=" + SARAHS), 400);
        assertThat(both.path("parameter").asText()).isEqualTo("segment");
    }

    @Test
    void narrowsTheFollowUpsListToTheSegmentsAccounts() {
        String sarahs = "/v1/follow-ups?owner=" + TestUsers.SARAH;
        assertThat(tenants(api.get(sarahs), "followUps")).containsExactly("acme", "wayne");
        assertThat(tenants(api.get(sarahs + "&segment=" + SARAHS), "followUps"))
                .containsExactly("acme");
        assertThat(tenants(api.get(sarahs + "&segment=" + MARCS), "followUps"))
                .containsExactly("wayne");
        JsonNode unknown = assertProblem(api.get(sarahs + "&segment=seg-000000000000"), 404);
        assertThat(unknown.path("detail").asText()).contains("seg-000000000000");
        JsonNode both = assertProblem(api.get(sarahs + "&tenant=acme&segment=" + SARAHS), 400);
        assertThat(both.path("parameter").asText()).isEqualTo("segment");
    }

    @Test
    void aScheduleKeepsItsSegmentForItsRunsAndRefusesAnUnknownOne() {
        HttpResponse<String> created =
                api.post("/v1/report-schedules", JSON, schedule("portfolio", SARAHS));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = RunningApi.json(created);
        assertThat(body.path("segment").asText()).isEqualTo(SARAHS);
        String id = body.path("id").asText();
        assertThat(SCHEDULES.get(id).orElseThrow().selection().segment()).isEqualTo(SARAHS);
        assertThat(SCHEDULES.get(id).orElseThrow().describeWhat())
                .isEqualTo("portfolio of " + TestUsers.SARAH + " in segment " + SARAHS);
        JsonNode listed = RunningApi.json(api.get("/v1/report-schedules")).path("schedules");
        assertThat(listed.findValuesAsText("segment")).contains(SARAHS);

        JsonNode unknown =
                assertProblem(
                        api.post(
                                "/v1/report-schedules",
                                JSON,
                                schedule("portfolio", "seg-000000000000")),
                        404);
        assertThat(unknown.path("detail").asText()).isEqualTo("no segment 'seg-000000000000'");
        JsonNode forAccount =
                assertProblem(
                        api.post("/v1/report-schedules", JSON, schedule("account", SARAHS)), 400);
        assertThat(forAccount.path("parameter").asText()).isEqualTo("segment");
        assertThat(SCHEDULES.all()).extracting(s -> s.id()).containsExactly(id);
    }

    private static String schedule(String report, String segment) {
        String target =
                report.equals("account")
                        ? "\"tenant\":\"acme\""
                        : "\"owner\":\"" + TestUsers.SARAH + "\"";
        return "{\"report\":\""
                + report
                + "\","
                + target
                + ",\"cadence\":\"weekly\",\"dayOfWeek\":\"MONDAY\",\"time\":\"08:00\","
                + "\"timeZone\":\"Europe/Berlin\",\"format\":\"csv\",\"channels\":[\"email\"],"
                + "\"segment\":\""
                + segment
                + "\"}";
    }

    private static void segment(String id, String name, String owner) {
        api.segments.save(
                new Segment(
                        id,
                        name,
                        null,
                        SegmentCriteria.ANY.withOwners(List.of(owner)),
                        TestUsers.ADMIN,
                        NOW,
                        NOW));
    }

    private static List<String> tenants(HttpResponse<String> response, String list) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tenants = new ArrayList<>();
        RunningApi.json(response).path(list).forEach(n -> tenants.add(n.path("tenantId").asText()));
        return tenants;
    }

    private static Alert alert(String tenant, int hoursAgo) {
        Instant fired = NOW.minus(Duration.ofHours(hoursAgo));
        return new Alert(
                Alert.id(tenant, "gone-silent"),
                tenant,
                "gone-silent",
                AlertKind.SILENCE,
                Severity.CRITICAL,
                AlertState.FIRING,
                fired.minus(Duration.ofDays(1)),
                fired,
                null,
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

    private static FollowUp followUp(String tenant, String id) {
        Instant created = NOW.minus(Duration.ofHours(tenant.equals("acme") ? 2 : 1));
        return new FollowUp(
                id,
                tenant,
                null,
                "Call " + tenant,
                null,
                FollowUpStatus.OPEN,
                TestUsers.SARAH,
                TestUsers.SARAH,
                created,
                created,
                null);
    }
}
