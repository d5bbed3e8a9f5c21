package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import java.net.http.HttpRequest;
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

/** The journey routes over a real server and an in-memory read layer. */
class JourneyRoutesIT {
    private static final Instant NOW = Instant.parse("2026-12-03T10:30:00Z");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 12, 2);
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
                .put(Scores.account("newco", "NewCo", TestUsers.SARAH))
                .put(Scores.account("wayne", "Wayne", TestUsers.MARC))
                .putJourney(
                        journey(
                                "acme",
                                LocalDate.of(2026, 9, 1),
                                new Transition(null, "onboarding", LocalDate.of(2026, 9, 1)),
                                new Transition(
                                        "onboarding", "activated", LocalDate.of(2026, 9, 10)),
                                new Transition("activated", "adopting", LocalDate.of(2026, 11, 2))))
                .putJourney(
                        journey(
                                "globex",
                                LocalDate.of(2026, 9, 20),
                                new Transition(null, "onboarding", LocalDate.of(2026, 9, 20)),
                                new Transition(
                                        "onboarding", "at_risk", LocalDate.of(2026, 10, 20))))
                .putJourney(
                        journey(
                                "wayne",
                                LocalDate.of(2026, 10, 1),
                                new Transition(null, "onboarding", LocalDate.of(2026, 10, 1))));
    }

    private static JourneyState journey(String tenant, LocalDate started, Transition... moves) {
        Transition last = moves[moves.length - 1];
        return new JourneyState(
                tenant, started, last.to(), last.day(), YESTERDAY, List.of(moves), "2026.12-1");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningApi.json(response);
    }

    @Test
    void anAccountsJourneyHasItsStageSinceAndDaysAndItsMoves() {
        JsonNode body = ok(api.get("/v1/accounts/acme/journey"));

        assertThat(body.path("tenant").asText()).isEqualTo("acme");
        assertThat(body.path("name").asText()).isEqualTo("Acme");
        assertThat(body.path("modelVersion").asText()).isEqualTo("2026.12-1");
        JsonNode stage = body.path("stage");
        assertThat(stage.path("id").asText()).isEqualTo("adopting");
        assertThat(stage.path("label").asText()).isEqualTo("Adopting");
        assertThat(stage.path("kind").asText()).isEqualTo("progress");
        assertThat(stage.path("since").asText()).isEqualTo("2026-11-02");
        assertThat(stage.path("days").asInt()).isEqualTo(31);
        JsonNode moves = body.path("transitions");
        assertThat(moves).hasSize(3);
        assertThat(moves.get(0).has("from")).isTrue();
        assertThat(moves.get(0).path("from").isNull()).isTrue();
        assertThat(moves.get(2).path("from").asText()).isEqualTo("activated");
        assertThat(moves.get(2).path("to").asText()).isEqualTo("adopting");
        assertThat(moves.get(2).path("day").asText()).isEqualTo("2026-11-02");
    }

    @Test
    void anAccountWithoutAClosedDayHasANullStageAndAnUnknownOneIs404() {
        JsonNode body = ok(api.get("/v1/accounts/newco/journey"));
        assertThat(body.has("stage")).isTrue();
        assertThat(body.path("stage").isNull()).isTrue();
        assertThat(body.path("transitions")).isEmpty();

        assertThat(api.get("/v1/accounts/nobody/journey").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOwnersAccountIsRefused() {
        assertThat(api.as(TestUsers.SARAH).get("/v1/accounts/wayne/journey").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theAggregateCoversTheLast90DaysOfTheCallersAccounts() {
        JsonNode body = ok(api.as(TestUsers.SARAH).get("/v1/journey"));

        assertThat(body.path("from").asText()).isEqualTo("2026-09-05");
        assertThat(body.path("to").asText()).isEqualTo("2026-12-04"); // today included
        assertThat(body.has("segment")).isTrue();
        assertThat(body.path("segment").isNull()).isTrue();
        assertThat(body.path("cohort").isNull()).isTrue();
        assertThat(body.path("accounts").asInt()).isEqualTo(2);
        assertThat(body.path("modelVersion").asText())
                .isEqualTo(RunningApi.SHIPPED_JOURNEY.version());
        JsonNode onboarding = body.path("stages").get(0);
        assertThat(onboarding.path("id").asText()).isEqualTo("onboarding");
        assertThat(onboarding.path("label").asText()).isEqualTo("Onboarding");
        assertThat(onboarding.path("kind").asText()).isEqualTo("progress");
        assertThat(onboarding.path("entered").asInt()).isEqualTo(1); // globex's start
        assertThat(onboarding.path("exited").asInt()).isEqualTo(2);
        assertThat(onboarding.path("dropOff").asInt()).isEqualTo(1);
        assertThat(onboarding.path("medianDaysInStage").asDouble()).isEqualTo(19.5);
        assertThat(body.path("stages")).hasSize(6);
        assertThat(body.path("flows")).hasSize(3);
        JsonNode flow = body.path("flows").get(0);
        assertThat(flow.path("accounts").asInt()).isEqualTo(1);
        assertThat(flow.path("share").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.path("paths").get(0).path("stages").isArray()).isTrue();
    }

    @Test
    void aCohortKeepsTheAccountsThatStartedInThatMonth() {
        JsonNode body = ok(api.get("/v1/journey?from=2026-09-01&to=2026-12-01&cohort=2026-10"));

        assertThat(body.path("cohort").asText()).isEqualTo("2026-10");
        assertThat(body.path("accounts").asInt()).isEqualTo(1); // wayne
    }

    @Test
    void badDatesAndCohortsAreProblemsNamingTheParameter() {
        for (String query :
                List.of(
                        "from=yesterday",
                        "to=2026-13-01",
                        "cohort=2026-9x",
                        "from=2026-11-01&to=2026-10-01",
                        "from=2020-01-01&to=2026-01-01")) {
            HttpResponse<String> response = api.get("/v1/journey?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(RunningApi.json(response).path("parameter").asText())
                    .as(query)
                    .isIn("from", "to", "cohort");
        }
    }

    @Test
    void stagesAndMovesAreCsvToo() {
        HttpResponse<String> stages = api.get("/v1/journey.csv?cohort=2026-09");
        assertThat(stages.statusCode()).as(stages.body()).isEqualTo(200);
        assertThat(stages.body().lines().findFirst().orElseThrow())
                .startsWith("id,label,kind,current,entered,exited");
        assertThat(stages.body().lines().count()).isEqualTo(7);

        HttpResponse<String> moves =
                api.as(TestUsers.ADMIN)
                        .send(
                                HttpRequest.newBuilder(api.uri("/v1/accounts/acme/journey"))
                                        .header("Accept", "text/csv")
                                        .GET());
        assertThat(moves.statusCode()).as(moves.body()).isEqualTo(200);
        assertThat(moves.body().lines().count()).isEqualTo(4);
    }
}
