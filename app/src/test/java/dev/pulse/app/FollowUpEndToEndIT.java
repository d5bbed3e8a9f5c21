package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follow-up over the whole running program: an account manager creates one from a firing alert
 * over HTTP, the command travels through Kafka and the topology into the {@code follow-ups} store,
 * and it shows on the account and in her own list, not in another account manager's; marking it
 * done travels the same way.
 */
@ExtendWith(SharedKafkaBroker.class)
class FollowUpEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";

    @TempDir Path stateDir;

    @Test
    void aFollowUpFromAnAlertShowsOnTheAccountAndForItsOwnerOnly() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "follow-" + run + "-silent";
        try (PulseApplication pulse =
                E2eScenarios.startWithSilenceRule(stateDir, "follow-" + run)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(tenant + ",Silent Ltd," + SARAH + ",5\n");
            Instant tenDaysAgo =
                    Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));
            admin.addEvents(
                    "["
                            + PulseEndToEndIT.event("f1", tenant, "u1", "login", null, tenDaysAgo)
                            + "]");
            PulseHttp sarah = admin.as(SARAH);
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    sarah.get("/v1/alerts?tenant=" + tenant + "&state=firing")
                                            .json()
                                            .path("count")
                                            .asInt(),
                            count -> count == 1);

            PulseHttp.Response created =
                    sarah.post(
                            "/v1/alerts/" + tenant + "/gone-silent/follow-up",
                            "application/json",
                            "{\"dueDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(7) + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            String id = created.json().path("id").asText();
            String accountList = "/v1/accounts/" + tenant + "/follow-ups";

            JsonNode onAccount =
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> find(sarah.get(accountList).json(), id), f -> f != null);
            assertThat(onAccount.path("alertId").asText()).isEqualTo(tenant + "/gone-silent");
            assertThat(onAccount.path("owner").asText()).isEqualTo(SARAH);
            assertThat(onAccount.path("status").asText()).isEqualTo("open");
            assertThat(ids(sarah.get("/v1/follow-ups").json())).contains(id);
            assertThat(ids(admin.get("/v1/follow-ups?owner=" + SARAH).json())).contains(id);
            PulseHttp david = admin.as(DAVID);
            assertThat(ids(david.get("/v1/follow-ups").json())).doesNotContain(id);
            assertThat(david.get(accountList).status()).isEqualTo(403);

            PulseHttp.Response done =
                    sarah.patch("/v1/follow-ups/" + tenant + "/" + id, "{\"status\":\"done\"}");
            assertThat(done.status()).as(done.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    ids(
                                            sarah.get("/v1/follow-ups?status=done&tenant=" + tenant)
                                                    .json()),
                            ids -> ids.contains(id));
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode followUp : list.path("followUps")) {
            if (followUp.path("id").asText().equals(id)) {
                return followUp;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("followUps").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }
}
