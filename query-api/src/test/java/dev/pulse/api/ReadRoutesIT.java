package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read routes over a real server and an in-memory read layer. */
class ReadRoutesIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final String SARAH = "sarah@example.com";
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
                .put(Scores.account("acme", "Acme", SARAH))
                .put(Scores.account("globex", "Globex", SARAH))
                .put(Scores.account("initech", "Initech", SARAH))
                .put(Scores.account("hooli", "Hooli", SARAH))
                .put(Scores.account("newco", "NewCo", SARAH))
                .put(Scores.account("wayne", "Wayne", "marc@example.com"))
                .putCurrent(Scores.score("acme", 55, NOW, -5.0, -12.0))
                .putCurrent(Scores.score("globex", 30, NOW))
                .putCurrent(Scores.score("initech", 85, NOW))
                .putCurrent(Scores.score("hooli", 35, NOW))
                .putCurrent(Scores.score("wayne", 72, NOW))
                .putDaily(Scores.endOfDay("acme", LocalDate.of(2026, 11, 17), 60))
                .putDaily(Scores.endOfDay("acme", LocalDate.of(2026, 11, 18), 57))
                .putDaily(Scores.endOfDay("acme", LocalDate.of(2026, 11, 19), 56))
                .putDaily(Scores.endOfDay("globex", LocalDate.of(2026, 11, 17), 40))
                .putDaily(Scores.endOfDay("wayne", LocalDate.of(2026, 11, 17), 70))
                .putEngagement(
                        "acme",
                        Granularity.DAY,
                        point(
                                "2026-11-18T00:00:00Z",
                                10,
                                3,
                                Map.of("login", 6L, "feature_used", 4L),
                                Map.of("reports", 3L, "export", 1L)))
                .putEngagement(
                        "acme",
                        Granularity.DAY,
                        point("2026-11-20T00:00:00Z", 5, 2, Map.of("login", 5L), Map.of()))
                .putEngagement(
                        "acme",
                        Granularity.HOUR,
                        point("2026-11-20T08:00:00Z", 3, 1, Map.of("login", 3L), Map.of()));
    }

    private static EngagementPoint point(
            String start,
            long events,
            long users,
            Map<String, Long> byType,
            Map<String, Long> features) {
        return new EngagementPoint(Instant.parse(start), events, users, byType, features);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return RunningApi.json(response);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void portfolioListsOwnersAccountsRiskiestFirst() {
        JsonNode portfolio = ok(api.get("/v1/portfolio?owner=SARAH@example.com&include=activity"));

        assertThat(portfolio.path("owner").asText()).isEqualTo(SARAH);
        assertThat(portfolio.path("count").asInt()).isEqualTo(5);
        assertThat(Instant.parse(portfolio.path("asOf").asText())).isEqualTo(NOW);
        JsonNode accounts = portfolio.path("accounts");
        assertThat(texts(accounts, "tenantId"))
                .containsExactly("globex", "hooli", "acme", "initech", "newco");
        JsonNode acme = accounts.get(2);
        assertThat(acme.path("score").asDouble()).isEqualTo(55.0);
        assertThat(acme.path("band").asText()).isEqualTo("neutral");
        assertThat(acme.path("delta7d").asDouble()).isEqualTo(-5.0);
        assertThat(acme.path("delta30d").asDouble()).isEqualTo(-12.0);
        assertThat(acme.path("topReason").asText()).contains("55% of seats");
        assertThat(acme.path("lastEventAt").asText()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(acme.path("licensedSeats").asLong()).isEqualTo(100);
        assertThat(acme.path("arr").asDouble()).isEqualTo(120_000.0);
        assertThat(acme.path("renewalDate").asText()).isEqualTo("2027-03-31");
        assertThat(acme.path("plan").asText()).isEqualTo("enterprise");
        assertThat(acme.path("segment").asText()).isEqualTo("enterprise");
        assertThat(acme.path("links").path("self").asText()).isEqualTo("/v1/accounts/acme");
        assertThat(texts(acme.path("sparkline"), "day"))
                .containsExactly("2026-11-17", "2026-11-18", "2026-11-19");
        assertThat(texts(acme.path("sparkline"), "score")).containsExactly("60.0", "57.0", "56.0");
        assertThat(acme.path("openAlerts").asInt()).isZero();
        assertThat(acme.path("openFollowUps").asInt()).isZero();
        assertThat(accounts.get(4).has("score")).isFalse();
        assertThat(accounts.get(4).path("sparkline")).isEmpty();
    }

    @Test
    void portfolioLeavesActivityOutUnlessAskedAndRefusesOtherIncludes() {
        JsonNode acme = ok(api.get("/v1/portfolio?owner=" + SARAH)).path("accounts").get(2);
        assertThat(acme.path("tenantId").asText()).isEqualTo("acme");
        assertThat(acme.has("sparkline")).isFalse();
        assertThat(acme.has("openAlerts")).isFalse();

        HttpResponse<String> bad = api.get("/v1/portfolio?include=everything");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("include").contains("activity").contains("everything");
    }

    @Test
    void portfolioOfUnknownOwnerIsEmpty() {
        JsonNode portfolio = ok(api.get("/v1/portfolio?owner=nobody@example.com"));
        assertThat(portfolio.path("count").asInt()).isZero();
        assertThat(portfolio.path("accounts")).isEmpty();
    }

    @Test
    void accountDetailHasScoreAndEngagement() {
        JsonNode acme = ok(api.get("/v1/accounts/acme"));

        assertThat(acme.path("tenantId").asText()).isEqualTo("acme");
        assertThat(acme.path("name").asText()).isEqualTo("Acme");
        assertThat(acme.path("owner").asText()).isEqualTo(SARAH);
        assertThat(acme.path("health").path("score").asDouble()).isEqualTo(55.0);
        assertThat(acme.path("health").path("band").asText()).isEqualTo("neutral");
        assertThat(acme.path("health").path("contributions")).hasSize(2);
        assertThat(acme.path("health").path("topReason").asText()).isNotBlank();
        assertThat(acme.path("engagement").path("last7d").path("events").asLong()).isEqualTo(15);
        assertThat(acme.path("engagement").path("last7d").path("byType").path("login").asLong())
                .isEqualTo(11);
        assertThat(acme.path("engagement").path("last30d").path("activeDays").asLong())
                .isEqualTo(2);
    }

    @Test
    void accountWithoutScoreYetIsFound() {
        JsonNode newco = ok(api.get("/v1/accounts/newco"));
        assertThat(newco.path("name").asText()).isEqualTo("NewCo");
        assertThat(newco.has("health")).isFalse();
    }

    @Test
    void dailyEventsHaveAPointForEveryDay() {
        JsonNode series =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=events&from=2026-11-15&to=2026-11-21"));

        assertThat(series.path("metric").asText()).isEqualTo("events");
        assertThat(series.path("step").asText()).isEqualTo("day");
        assertThat(series.path("from").asText()).isEqualTo("2026-11-15T00:00:00Z");
        assertThat(series.path("to").asText()).isEqualTo("2026-11-21T00:00:00Z");
        JsonNode points = series.path("points");
        assertThat(texts(points, "t"))
                .containsExactly(
                        "2026-11-15T00:00:00Z",
                        "2026-11-16T00:00:00Z",
                        "2026-11-17T00:00:00Z",
                        "2026-11-18T00:00:00Z",
                        "2026-11-19T00:00:00Z",
                        "2026-11-20T00:00:00Z");
        assertThat(texts(points, "value")).containsExactly("0", "0", "0", "10", "0", "5");
    }

    @Test
    void eventTypeAndFeatureSeriesCountPerBucket() {
        JsonNode logins =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=events.login&from=2026-11-18&to=2026-11-19"));
        assertThat(texts(logins.path("points"), "value")).containsExactly("6");
        JsonNode features =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=features_used&from=2026-11-18&to=2026-11-19"));
        assertThat(texts(features.path("points"), "value")).containsExactly("2");
        JsonNode users =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=active_users&from=2026-11-18&to=2026-11-19"));
        assertThat(texts(users.path("points"), "value")).containsExactly("3");
    }

    @Test
    void hourlyEventsHaveAPointForEveryHour() {
        JsonNode series =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=events&step=hour"
                                        + "&from=2026-11-20T06:30:00Z&to=2026-11-20T10:00:00Z"));
        assertThat(series.path("from").asText()).isEqualTo("2026-11-20T06:00:00Z");
        assertThat(texts(series.path("points"), "value")).containsExactly("0", "0", "3", "0");
    }

    @Test
    void healthScoreSeriesEndsWithTheCurrentScore() {
        JsonNode series = ok(api.get("/v1/accounts/acme/timeseries?metric=health_score"));

        assertThat(series.path("from").asText()).isEqualTo("2026-10-21T00:00:00Z");
        JsonNode points = series.path("points");
        assertThat(texts(points, "t"))
                .containsExactly(
                        "2026-11-17T00:00:00Z",
                        "2026-11-18T00:00:00Z",
                        "2026-11-19T00:00:00Z",
                        "2026-11-20T00:00:00Z");
        assertThat(texts(points, "value")).containsExactly("60.0", "57.0", "56.0", "55.0");
    }

    @Test
    void pastHealthScoreSeriesHasOnlyEndOfDayScores() {
        JsonNode series =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=health_score&from=2026-11-01&to=2026-11-19"));
        assertThat(texts(series.path("points"), "value")).containsExactly("60.0", "57.0");
    }

    @Test
    void atRiskSeriesIsOneOnEachDayAtRiskThenWhetherTheAccountIsAtRiskNow() {
        api.reader
                .putDaily(Scores.endOfDay("hooli", LocalDate.of(2026, 11, 16), 38, false))
                .putDaily(Scores.endOfDay("hooli", LocalDate.of(2026, 11, 17), 45, true))
                // Stored before days carried a decision: its band tells.
                .putDaily(Scores.endOfDay("hooli", LocalDate.of(2026, 11, 18), 39))
                .putDaily(Scores.endOfDay("hooli", LocalDate.of(2026, 11, 19), 41));

        JsonNode series =
                ok(api.get("/v1/accounts/hooli/timeseries?metric=at_risk&from=2026-11-16"));

        assertThat(series.path("metric").asText()).isEqualTo("at_risk");
        assertThat(series.path("step").asText()).isEqualTo("day");
        JsonNode points = series.path("points");
        assertThat(texts(points, "t"))
                .containsExactly(
                        "2026-11-16T00:00:00Z",
                        "2026-11-17T00:00:00Z",
                        "2026-11-18T00:00:00Z",
                        "2026-11-19T00:00:00Z",
                        "2026-11-20T00:00:00Z");
        assertThat(texts(points, "value")).containsExactly("0", "1", "1", "0", "1");
        HttpResponse<String> hourly =
                api.get("/v1/accounts/hooli/timeseries?metric=at_risk&step=hour");
        assertThat(hourly.statusCode()).isEqualTo(400);
        assertThat(RunningApi.json(hourly).path("parameter").asText()).isEqualTo("step");
    }

    @Test
    void measureSeriesCarriesValueAndPoints() {
        JsonNode series =
                ok(
                        api.get(
                                "/v1/accounts/acme/timeseries?metric=measure.seat_utilisation&from=2026-11-18"));
        JsonNode points = series.path("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).path("value").asDouble()).isCloseTo(0.57, within(1e-9));
        assertThat(points.get(0).path("points").asDouble()).isEqualTo(57.0);
        assertThat(points.get(2).path("t").asText()).isEqualTo("2026-11-20T00:00:00Z");
    }

    @Test
    void summaryAggregatesAcrossAccountsAndOwners() {
        JsonNode summary = ok(api.get("/v1/summary?from=2026-11-18&to=2026-11-21&n=2"));

        JsonNode overall = summary.path("overall");
        assertThat(overall.has("owner")).isFalse();
        assertThat(overall.path("accounts").asInt()).isEqualTo(6);
        assertThat(overall.path("scored").asInt()).isEqualTo(5);
        assertThat(overall.path("averageScore").asDouble()).isEqualTo(55.4);
        assertThat(overall.path("bands").path("healthy").asInt()).isEqualTo(2);
        assertThat(overall.path("bands").path("neutral").asInt()).isEqualTo(1);
        assertThat(overall.path("bands").path("at_risk").asInt()).isEqualTo(2);
        assertThat(overall.path("averageChange").asDouble()).isEqualTo(-4.3);
        assertThat(overall.path("events").asLong()).isEqualTo(15);
        assertThat(overall.path("activeUsers").asLong()).isEqualTo(5);
        assertThat(texts(summary.path("owners"), "owner"))
                .containsExactly("marc@example.com", SARAH);
        assertThat(summary.path("owners").get(0).path("averageScore").asDouble()).isEqualTo(72.0);
        assertThat(texts(summary.path("top"), "tenantId")).containsExactly("initech", "wayne");
        assertThat(texts(summary.path("bottom"), "tenantId")).containsExactly("globex", "hooli");
        assertThat(summary.path("bottom").get(0).path("change").asDouble()).isEqualTo(-10.0);
    }

    @Test
    void pastSummaryUsesEndOfDayScores() {
        JsonNode summary = ok(api.get("/v1/summary?from=2026-11-18&to=2026-11-19"));
        JsonNode overall = summary.path("overall");
        // acme ends on its Nov 18 score (57, from 60); globex and wayne on their last, Nov 17.
        assertThat(overall.path("scored").asInt()).isEqualTo(3);
        assertThat(overall.path("averageScore").asDouble()).isEqualTo(55.7);
        assertThat(overall.path("averageChange").asDouble()).isEqualTo(-1.0);
        assertThat(overall.path("events").asLong()).isEqualTo(10);
        assertThat(summary.path("top").get(0).path("tenantId").asText()).isEqualTo("wayne");
    }

    @Test
    void internalRoutesReadOnlyLocalState() {
        api.localReader
                .putCurrent(Scores.score("acme", 42, NOW))
                .putDaily(Scores.endOfDay("acme", LocalDate.of(2026, 11, 19), 43))
                .putEngagement(
                        "acme",
                        Granularity.DAY,
                        point("2026-11-19T00:00:00Z", 7, 2, Map.of("login", 7L), Map.of()));

        JsonNode scores = ok(api.get("/internal/v1/scores?tenant=acme&tenant=unknown"));
        assertThat(scores.size()).isEqualTo(1);
        assertThat(scores.path("acme").path("score").asDouble()).isEqualTo(42.0);

        String range = "from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z";
        JsonNode daily = ok(api.get("/internal/v1/tenants/acme/daily-scores?" + range));
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).path("score").asDouble()).isEqualTo(43.0);
        JsonNode engagement =
                ok(api.get("/internal/v1/tenants/acme/engagement?granularity=DAY&" + range));
        assertThat(engagement.get(0).path("events").asLong()).isEqualTo(7);
        assertThat(engagement.get(0).path("start").asText()).isEqualTo("2026-11-19T00:00:00Z");
        JsonNode totals = ok(api.get("/internal/v1/tenants/acme/engagement-totals?" + range));
        assertThat(totals.path("events").asLong()).isEqualTo(7);

        assertThat(api.reader.readThreads()).isEmpty();
    }

    @Test
    void readsRunOffTheEventLoop() {
        ok(api.get("/v1/accounts/acme"));
        ok(api.get("/v1/portfolio?owner=" + SARAH));
        ok(api.get("/v1/summary"));
        assertThat(api.reader.readThreads())
                .isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).doesNotContain("eventloop"));
    }

    @Test
    void healthEndpointsReportUp() {
        assertThat(ok(api.get("/health/live")).path("status").asText()).isEqualTo("UP");
        assertThat(ok(api.get("/health/ready")).path("status").asText()).isEqualTo("UP");
    }

    // Conditional reads: an answer's ETag, and 304 while the answer a caller would get is the same.

    @Test
    void aReadNamingTheCurrentTagGets304WithoutABodyUntilTheDataChanges() {
        HttpResponse<String> first = api.get("/v1/accounts/acme");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> again = conditional("/v1/accounts/acme", tag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);
        assertThat(conditional("/v1/accounts/acme", "\"other\", W/" + tag).statusCode())
                .as("a weak copy of the tag in a list still matches")
                .isEqualTo(304);
        assertThat(conditional("/v1/accounts/acme", "\"other\"").statusCode()).isEqualTo(200);

        api.reader.putCurrent(Scores.score("acme", 41, NOW));
        HttpResponse<String> changed = conditional("/v1/accounts/acme", tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(changed).path("health").path("score").asDouble())
                .isEqualTo(41.0);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
    }

    @Test
    void everyRepresentationAndEveryCallersViewHasItsOwnTag() {
        String admin = api.get("/v1/portfolio?owner=" + SARAH).headers().firstValue("ETag").get();
        String csv =
                api.get("/v1/portfolio?owner=" + SARAH + "&format=csv")
                        .headers()
                        .firstValue("ETag")
                        .get();
        HttpResponse<String> sarahs = api.as(SARAH).get("/v1/portfolio");

        assertThat(sarahs.statusCode()).isEqualTo(200);
        assertThat(csv).isNotEqualTo(admin);
        // Sarah's own portfolio is the list the admin asked for by owner: same bytes, same tag.
        assertThat(sarahs.headers().firstValue("ETag")).hasValue(admin);
        // A tag says nothing about who may read: out of scope stays 403 whatever the tag.
        assertThat(conditional(TestUsers.MARC, "/v1/accounts/acme", "*").statusCode())
                .isEqualTo(403);
    }

    private static HttpResponse<String> conditional(String path, String ifNoneMatch) {
        return conditional(TestUsers.ADMIN, path, ifNoneMatch);
    }

    private static HttpResponse<String> conditional(
            String caller, String path, String ifNoneMatch) {
        return api.as(caller)
                .send(
                        HttpRequest.newBuilder(api.uri(path))
                                .header("If-None-Match", ifNoneMatch)
                                .GET());
    }
}
