package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static dev.pulse.api.testing.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.read.StateUnavailableException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error the API can answer, over a real server: status and problem+json body. */
class ErrorResponsesIT {
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
        api.reader.put(Scores.account("acme", "Acme", "sarah@example.com"));
        api.reader.putCurrent(Scores.score("acme", 55, NOW));
        api.reader.putDaily(Scores.endOfDay("acme", LocalDate.of(2026, 11, 18), 57));
    }

    @Test
    void rejectsMalformedDateWithProblemJson() {
        JsonNode problem =
                assertProblem(
                        api.get("/v1/accounts/acme/timeseries?metric=events&from=11/01/2026"), 400);
        assertThat(problem.path("parameter").asText()).isEqualTo("from");
        assertThat(problem.path("detail").asText())
                .contains("'from'")
                .contains("ISO date (2026-11-01")
                .contains("11/01/2026");
    }

    @Test
    void rejectsMalformedTenantId() {
        JsonNode problem = assertProblem(api.get("/v1/accounts/not%20valid!"), 400);
        assertThat(problem.path("parameter").asText()).isEqualTo("tenant");
    }

    @Test
    void rejectsOwnerThatIsNotAnEmail() {
        JsonNode problem = assertProblem(api.get("/v1/portfolio?owner=sarah"), 400);
        assertThat(problem.path("parameter").asText()).isEqualTo("owner");
        assertThat(problem.path("detail").asText()).contains("e-mail");
    }

    @Test
    void portfolioWithoutOwnerIsTheCallersOwn() {
        HttpResponse<String> response = api.as(TestUsers.SARAH).get("/v1/portfolio");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode portfolio = RunningApi.json(response);
        assertThat(portfolio.path("owner").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(portfolio.path("count").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsMissingOwnerForCallersWithoutAnEmail() {
        String key =
                api.apiKeys
                        .create("bi tool", Role.ANALYST, ScopeSpec.ALL, null, TestUsers.ADMIN)
                        .key();
        assertThat(
                        assertProblem(api.withKey(key).get("/v1/portfolio"), 400)
                                .path("detail")
                                .asText())
                .contains("'owner' is required");
    }

    @Test
    void rejectsFromNotBeforeTo() {
        assertProblem(
                api.get("/v1/accounts/acme/timeseries?metric=events&from=2026-11-10&to=2026-11-10"),
                400);
        assertProblem(api.get("/v1/summary?from=2026-11-10&to=2026-11-01"), 400);
    }

    @Test
    void rejectsHourlyRangeLongerThanRetention() {
        JsonNode problem =
                assertProblem(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=events&step=hour"
                                        + "&from=2026-08-01&to=2026-11-20"),
                        400);
        assertThat(problem.path("detail").asText()).contains("range too large").contains("90 days");
    }

    @Test
    void rejectsDailyRangeLongerThanTwoYears() {
        assertThat(
                        assertProblem(
                                        api.get(
                                                "/v1/accounts/acme/timeseries?metric=events"
                                                        + "&from=2024-01-01&to=2026-11-20"),
                                        400)
                                .path("detail")
                                .asText())
                .contains("range too large");
        assertThat(
                        assertProblem(api.get("/v1/summary?from=2024-01-01&to=2026-11-20"), 400)
                                .path("detail")
                                .asText())
                .contains("range too large");
    }

    @Test
    void rejectsHourlyHealthScoreExplainingScoresAreDaily() {
        JsonNode problem =
                assertProblem(
                        api.get("/v1/accounts/acme/timeseries?metric=health_score&step=hour"), 400);
        assertThat(problem.path("parameter").asText()).isEqualTo("step");
        assertThat(problem.path("detail").asText()).contains("end-of-day score per UTC day");
    }

    @Test
    void rejectsUnknownMetricListingValidOnes() {
        JsonNode problem =
                assertProblem(api.get("/v1/accounts/acme/timeseries?metric=revenue"), 400);
        assertThat(problem.path("detail").asText())
                .contains("health_score")
                .contains("measure.<id>")
                .contains("active_users")
                .contains("events.<type>")
                .contains("features_used");
    }

    @Test
    void rejectsUnknownMeasureListingKnownOnes() {
        JsonNode problem =
                assertProblem(api.get("/v1/accounts/acme/timeseries?metric=measure.nonsense"), 400);
        assertThat(problem.path("detail").asText())
                .contains("nonsense")
                .contains("active_days, seat_utilisation");
    }

    @Test
    void rejectsSummaryCountOutOfRange() {
        assertThat(assertProblem(api.get("/v1/summary?n=51"), 400).path("parameter").asText())
                .isEqualTo("n");
        assertProblem(api.get("/v1/summary?n=many"), 400);
    }

    @Test
    void rejectsParameterGivenTwice() {
        assertProblem(api.get("/v1/summary?n=3&n=4"), 400);
    }

    @Test
    void answersNotFoundForUnknownTenant() {
        JsonNode problem = assertProblem(api.get("/v1/accounts/nobody"), 404);
        assertThat(problem.path("detail").asText()).contains("nobody");
        assertProblem(api.get("/v1/accounts/nobody/timeseries?metric=events"), 404);
        assertProblem(api.get("/v1/accounts/nobody/timeseries?metric=health_score"), 404);
    }

    @Test
    void answersNotFoundForUnknownRoute() {
        assertProblem(api.get("/v2/nothing/here"), 404);
    }

    @Test
    void answersMethodNotAllowed() {
        assertProblem(api.send("DELETE", "/v1/portfolio?owner=sarah@example.com"), 405);
        assertProblem(api.get("/v1/events"), 405);
    }

    @Test
    void answersTooLargeForBodyOverTenMegabytes() {
        byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        assertProblem(api.post("/v1/events", "application/json", body), 413);
        assertThat(api.publisher.events()).isEmpty();
    }

    @Test
    void answersTooLargeForMoreThanTenThousandEvents() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }
        JsonNode problem =
                assertProblem(api.post("/v1/events", "application/json", body + "]"), 413);
        assertThat(problem.path("detail").asText()).contains("10000");
        assertThat(api.publisher.events()).isEmpty();
    }

    @Test
    void answersBadRequestForBodyThatIsNotJson() {
        JsonNode problem =
                assertProblem(api.post("/v1/events", "application/json", "hello, world"), 400);
        assertThat(problem.path("detail").asText()).contains("not valid JSON");
        assertProblem(api.post("/v1/events", "application/json", "[{\"a\":1},"), 400);
        assertProblem(api.post("/v1/events", "application/json", ""), 400);
    }

    @Test
    void answersUnsupportedMediaTypeForCsvEvents() {
        assertProblem(api.post("/v1/events", "text/csv", "eventId,tenantId\n1,acme\n"), 415);
    }

    @Test
    void answersUnsupportedMediaTypeForMultipartForms() {
        assertProblem(
                api.post(
                        "/v1/accounts",
                        "multipart/form-data; boundary=xyz",
                        "--xyz\r\n"
                                + "Content-Disposition: form-data; name=\"a\"\r\n\r\n"
                                + "1\r\n"
                                + "--xyz--\r\n"),
                415);
    }

    @Test
    void answersUnavailableWithRetryAfterWhenStateIsRebalancing() {
        api.reader.failWith(
                new StateUnavailableException(
                        "stores are rebalancing", Duration.ofSeconds(3), null));
        HttpResponse<String> response = api.get("/v1/accounts/acme");
        assertUnavailable(response);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertUnavailable(api.get("/v1/portfolio?owner=sarah@example.com"));
        assertUnavailable(api.get("/v1/summary"));
        assertUnavailable(api.get("/v1/accounts/acme/timeseries?metric=health_score"));
    }

    @Test
    void answersUnavailableWithRetryAfterWhenNotReady() {
        api.ready.set(false);
        assertUnavailable(api.get("/v1/accounts/acme"));
        assertUnavailable(api.get("/v1/portfolio?owner=sarah@example.com"));
        assertUnavailable(api.get("/internal/v1/scores?tenant=acme"));
        HttpResponse<String> ready = api.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("Retry-After")).isPresent();
        assertThat(RunningApi.json(ready).path("status").asText()).isEqualTo("DOWN");
        assertThat(api.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void answersInternalErrorWithoutStackTrace() {
        api.reader.failWith(new IllegalStateException("secret internal detail"));
        HttpResponse<String> response = api.get("/v1/accounts/acme");
        JsonNode problem = assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret internal detail");
        assertThat(problem.path("reference").asText()).isNotBlank();
    }

    @Test
    void rejectsInternalCallsWithoutTenantOrRange() {
        assertProblem(api.get("/internal/v1/scores"), 400);
        assertProblem(
                api.get("/internal/v1/tenants/acme/daily-scores?from=2026-11-01T00:00:00Z"), 400);
        assertProblem(
                api.get(
                        "/internal/v1/tenants/acme/engagement?granularity=WEEK"
                                + "&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z"),
                400);
    }
}
