package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope rules and the audit log over the whole running program: real broker, real stores, tokens
 * verified by the configured key, audit records on the Kafka audit topic.
 */
@ExtendWith(SharedKafkaBroker.class)
class AuthorizationEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String PRIYA = "priya.raman@demo.pulse.dev";

    @TempDir Path stateDir;

    @Test
    void anAccountManagerSeesHerAccountsOnlyAndEveryAccessIsAudited() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hers = "authz-" + run + "-sarah";
        String his = "authz-" + run + "-david";
        try (PulseApplication pulse =
                PulseApplication.start(
                        TestPulse.config(stateDir, "authz-" + run),
                        PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(hers + ",Hers," + SARAH + ",5\n" + his + ",His," + DAVID + ",5\n");
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
            admin.addEvents(
                    "["
                            + PulseEndToEndIT.event("s1", hers, "u1", "login", null, at)
                            + ","
                            + PulseEndToEndIT.event("d1", his, "u1", "login", null, at)
                            + "]");
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    admin.get("/v1/accounts/" + his).status() == 200
                                            && admin.get("/v1/accounts/" + hers).status() == 200);

            PulseHttp sarah = admin.as(SARAH);
            JsonNode portfolio = sarah.get("/v1/portfolio?owner=" + SARAH).json();
            assertThat(tenants(portfolio)).contains(hers).doesNotContain(his);
            assertThat(sarah.get("/v1/accounts/" + hers).status()).isEqualTo(200);
            assertThat(sarah.get("/v1/accounts/" + his).status()).isEqualTo(403);
            assertThat(sarah.get("/v1/portfolio?owner=" + DAVID).status()).isEqualTo(403);
            assertThat(sarah.get("/v1/summary").body()).doesNotContain(his);
            assertThat(admin.as(PRIYA).get("/v1/accounts/" + his).status())
                    .as("manager of both")
                    .isEqualTo(200);
            assertThat(new PulseHttp(pulse.apiPort(), null).get("/v1/accounts/" + hers).status())
                    .isEqualTo(401);
            assertThat(
                            new PulseHttp(pulse.apiPort(), "not.a.token")
                                    .get("/v1/accounts/" + hers)
                                    .status())
                    .isEqualTo(401);

            JsonNode denied =
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            admin.get(
                                                            "/v1/audit?subject="
                                                                    + SARAH
                                                                    + "&result=denied&limit=50")
                                                    .json(),
                                    audit ->
                                            audit.toString().contains(his)
                                                    || countDenied(audit) >= 2);
            assertThat(countDenied(denied)).isGreaterThanOrEqualTo(2);
            JsonNode verify = admin.get("/v1/audit/verify").json();
            assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
        }
    }

    private static int countDenied(JsonNode audit) {
        int denied = 0;
        for (JsonNode record : records(audit)) {
            if (record.toString().contains("\"allowed\":false")) {
                denied++;
            }
        }
        return denied;
    }

    private static List<JsonNode> records(JsonNode audit) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode array = audit.isArray() ? audit : audit.path("records");
        array.forEach(list::add);
        return list;
    }

    private static List<String> tenants(JsonNode portfolio) {
        List<String> ids = new ArrayList<>();
        portfolio.path("accounts").forEach(a -> ids.add(a.path("tenantId").asText()));
        return ids;
    }
}
