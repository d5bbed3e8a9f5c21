package dev.pulse.api.funnels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.json.PulseJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/funnels} over a real server, the shipped funnels and an in-memory read layer. */
class FunnelRoutesIT {
    private static final Instant NOW = Instant.parse("2026-12-01T10:30:00Z");
    private static final Instant NOV_3 = Instant.parse("2026-11-03T00:00:00Z");
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
                .putFunnelDay("acme", day(20, 12, 1, 0))
                .putFunnelDay("globex", day(100, 60, 45, 20))
                .putFunnelDay("wayne", day(1000, 0, 0, 0));
    }

    @Test
    void listsTheShippedFunnelsWithTheirSteps() throws Exception {
        JsonNode body = json(api.as(TestUsers.SARAH).get("/v1/funnels"));

        JsonNode reporting = body.path("funnels").get(0);
        assertThat(reporting.path("id").asText()).isEqualTo("reporting");
        assertThat(reporting.path("label").asText()).isEqualTo("Reporting adoption");
        assertThat(reporting.path("windowDays").asInt()).isEqualTo(14);
        assertThat(reporting.path("steps").get(0).path("id").asText()).isEqualTo("login");
        assertThat(reporting.path("steps").get(0).path("label").asText()).isEqualTo("First login");
    }

    @Test
    void answersATenantsFunnelWithThePortfolioAndTheStallStep() throws Exception {
        JsonNode body =
                json(
                        api.as(TestUsers.SARAH)
                                .get(
                                        "/v1/funnels/reporting?tenant=acme&from=2026-11-01&to=2026-11-30"));

        assertThat(body.path("funnel").path("windowDays").asInt()).isEqualTo(14);
        assertThat(body.path("tenant").asText()).isEqualTo("acme");
        assertThat(body.has("segment")).isTrue();
        assertThat(body.path("segment").isNull()).isTrue();
        assertThat(body.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(body.path("to").asText()).isEqualTo("2026-11-30");
        JsonNode login = body.path("steps").get(0);
        assertThat(login.path("users").asLong()).isEqualTo(20);
        assertThat(login.path("conversion").asDouble()).isEqualTo(1.0);
        assertThat(login.has("medianHoursToConvert")).isTrue();
        assertThat(login.path("medianHoursToConvert").isNull()).isTrue();
        JsonNode reports = body.path("steps").get(1);
        assertThat(reports.path("label").asText()).isEqualTo("Used reports");
        assertThat(reports.path("conversion").asDouble()).isEqualTo(0.6);
        assertThat(reports.path("overall").asDouble()).isEqualTo(0.6);
        assertThat(reports.path("medianHoursToConvert").asDouble()).isBetween(2.0, 3.0);
        // Sarah's portfolio is acme and globex; wayne is Marc's.
        assertThat(body.path("portfolio").get(0).path("users").asLong()).isEqualTo(120);
        assertThat(body.path("portfolio").get(1).path("users").asLong()).isEqualTo(72);
        assertThat(body.path("stallStep").asText()).isEqualTo("exports");
    }

    @Test
    void rollsUpEveryAccountInScopeWithoutATenant() throws Exception {
        JsonNode body = json(api.as(TestUsers.SARAH).get("/v1/funnels/reporting?from=2026-11-01"));

        assertThat(body.path("tenant").isNull()).isTrue();
        assertThat(body.path("accounts").asInt()).isEqualTo(2);
        assertThat(body.path("steps").get(0).path("users").asLong()).isEqualTo(120);
        assertThat(body.path("portfolio").isNull()).isTrue();
        assertThat(body.path("stallStep").isNull()).isTrue();
    }

    @Test
    void answersProblemsForAnUnknownFunnelBadDatesSegmentsAndOtherTenants() throws Exception {
        assertProblem(api.as(TestUsers.SARAH).get("/v1/funnels/nope?tenant=acme"), 404, "nope");
        assertProblem(
                api.as(TestUsers.SARAH).get("/v1/funnels/reporting?tenant=acme&from=11/01/2026"),
                400,
                "from");
        assertProblem(
                api.as(TestUsers.SARAH)
                        .get("/v1/funnels/reporting?tenant=acme&from=2026-11-30&to=2026-11-01"),
                400,
                "from");
        assertProblem(api.as(TestUsers.SARAH).get("/v1/funnels/reporting?segment=big"), 404, "big");
        assertProblem(
                api.as(TestUsers.SARAH).get("/v1/funnels/reporting?segment=big&tenant=acme"),
                400,
                "segment");
        assertProblem(
                api.as(TestUsers.SARAH).get("/v1/funnels/reporting?tenant=wayne"), 403, "wayne");
    }

    @Test
    void servesTheStepsAsCsvByAcceptHeaderOrFormat() throws Exception {
        HttpResponse<String> byFormat =
                api.as(TestUsers.SARAH)
                        .get("/v1/funnels/reporting?tenant=acme&from=2026-11-01&format=csv");
        assertThat(byFormat.statusCode()).as(byFormat.body()).isEqualTo(200);
        assertThat(byFormat.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(byFormat.body())
                .startsWith("id,label,users,conversion,overall,medianHoursToConvert")
                .contains("reports,Used reports,12,0.6,0.6,");

        HttpResponse<String> byAccept =
                api.as(TestUsers.SARAH)
                        .send(
                                HttpRequest.newBuilder(
                                                api.uri(
                                                        "/v1/funnels/reporting?tenant=acme"
                                                                + "&from=2026-11-01"))
                                        .header("Accept", "text/csv")
                                        .GET());
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
    }

    private static FunnelDay day(int login, int reports, int exports, int integrations) {
        FunnelDay d = FunnelDay.empty(NOV_3);
        int[] users = {login, reports, exports, integrations};
        for (int step = 0; step < users.length; step++) {
            for (int i = 0; i < users[step]; i++) {
                d = d.plus("reporting", 4, step, Duration.ofMinutes(150).toMillis());
            }
        }
        return d;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PulseJson.mapper().readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String mention) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(response.body()).contains(mention);
    }
}
