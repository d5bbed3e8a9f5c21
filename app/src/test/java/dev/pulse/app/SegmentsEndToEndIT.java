package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved segments over the whole running program: an analyst saves one (kept on the compacted
 * topic), a viewer may not; it is listed, its accounts and history are read within each person's
 * scope, the portfolio narrows to it with {@code segment=}, and it is deleted.
 */
@ExtendWith(SharedKafkaBroker.class)
class SegmentsEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev"; // viewer, own accounts
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String MARIA = "maria.gonzalez@demo.pulse.dev"; // analyst
    private static final String JSON = "application/json";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir Path stateDir;

    @Test
    void anAnalystSavesASegmentEveryoneReadsItInTheirScopeAndAViewerMayNotSaveOne() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String plan = "plan-" + run;
        String hers = "seg-" + run + "-sarah";
        String his = "seg-" + run + "-david";
        String other = "seg-" + run + "-other";
        try (PulseApplication pulse =
                PulseApplication.start(
                        TestPulse.config(stateDir, "segments-" + run),
                        PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(DEADLINE);
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            PulseHttp sarah = admin.as(SARAH);
            PulseHttp maria = admin.as(MARIA);
            PulseHttp.Response accounts =
                    admin.post(
                            "/v1/accounts",
                            "text/csv",
                            "tenantId,name,owner,licensedSeats,plan\n"
                                    + hers
                                    + ",Hers,"
                                    + SARAH
                                    + ",5,"
                                    + plan
                                    + "\n"
                                    + his
                                    + ",His,"
                                    + DAVID
                                    + ",5,"
                                    + plan
                                    + "\n"
                                    + other
                                    + ",Other,"
                                    + SARAH
                                    + ",5,starter\n");
            assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
            String criteria = "{\"plans\":[\"" + plan.toUpperCase() + "\"]}";
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    admin.post(
                                                            "/v1/segments/preview",
                                                            JSON,
                                                            "{\"criteria\":" + criteria + "}")
                                                    .json()
                                                    .path("size")
                                                    .asInt()
                                            == 2);

            String body =
                    "{\"name\":\"Plan "
                            + run
                            + "\",\"description\":\"e2e\",\"criteria\":"
                            + criteria
                            + "}";
            PulseHttp.Response refused = sarah.post("/v1/segments", JSON, body);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("analyst, manager or admin");

            PulseHttp.Response created = maria.post("/v1/segments", JSON, body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode segment = created.json();
            String id = segment.path("id").asText();
            assertThat(id).matches("seg-[0-9a-f]{12}");
            assertThat(segment.path("createdBy").asText()).isEqualTo(MARIA);
            assertThat(segment.path("criteria").path("plans").get(0).asText())
                    .isEqualTo(plan.toUpperCase());
            assertThat(segment.path("criteria").has("bands")).isFalse();
            assertThat(maria.post("/v1/segments", JSON, body.replace("Plan", "PLAN")).status())
                    .isEqualTo(409);
            PulseHttp.Response invalid =
                    maria.post(
                            "/v1/segments",
                            JSON,
                            "{\"name\":\"x\",\"criteria\":{\"scoreMin\":150}}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("'scoreMin' must be between 0 and 100");

            // Listed with the size each person's scope allows.
            assertThat(listed(admin, id).path("size").asInt()).isEqualTo(2);
            assertThat(listed(sarah, id).path("size").asInt()).isEqualTo(1);

            JsonNode all = admin.get("/v1/segments/" + id + "/accounts").json();
            assertThat(all.path("segment").path("name").asText()).isEqualTo("Plan " + run);
            assertThat(tenants(all)).containsExactlyInAnyOrder(hers, his);
            assertThat(tenants(sarah.get("/v1/segments/" + id + "/accounts").json()))
                    .containsExactly(hers);
            assertThat(tenants(sarah.get("/v1/portfolio?segment=" + id).json()))
                    .containsExactly(hers);
            PulseHttp.Response unknown = sarah.get("/v1/portfolio?segment=seg-000000000000");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).contains("seg-000000000000");

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode history =
                    admin.get(
                                    "/v1/segments/"
                                            + id
                                            + "/history?from="
                                            + today.minusDays(3)
                                            + "&to="
                                            + today)
                            .json();
            assertThat(history.path("from").asText()).isEqualTo(today.minusDays(3).toString());
            assertThat(history.path("days")).hasSize(3);
            assertThat(history.path("days").get(0).path("size").asInt()).isEqualTo(2);

            PulseHttp.Response csv = sarah.get("/v1/segments/" + id + "/accounts.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body()).contains(hers).doesNotContain(his);

            // The chat answers from the same use case, within the asker's scope.
            BotReply chat =
                    pulse.botEngine()
                            .ask(
                                    new ChatUser("slack", "U-SARAH-" + run, "Sarah", SARAH),
                                    "how is the Plan " + run + " segment doing?");
            assertThat(chat.text()).as(chat.text()).contains("Plan " + run);
            List<Block.Field> figures =
                    chat.blocks().stream()
                            .filter(b -> b instanceof Block.Fields)
                            .flatMap(b -> ((Block.Fields) b).fields().stream())
                            .toList();
            assertThat(figures).contains(new Block.Field("Accounts", "1"));

            assertThat(sarah.delete("/v1/segments/" + id).status()).isEqualTo(403);
            assertThat(maria.delete("/v1/segments/" + id).status()).isEqualTo(204);
            assertThat(maria.get("/v1/segments/" + id).status()).isEqualTo(404);
        }
    }

    private static JsonNode listed(PulseHttp http, String id) {
        for (JsonNode segment : http.get("/v1/segments").json().path("segments")) {
            if (segment.path("id").asText().equals(id)) {
                return segment;
            }
        }
        throw new AssertionError("segment " + id + " is not listed");
    }

    private static List<String> tenants(JsonNode body) {
        List<String> tenants = new ArrayList<>();
        body.path("accounts").forEach(a -> tenants.add(a.path("tenantId").asText()));
        return tenants;
    }
}
