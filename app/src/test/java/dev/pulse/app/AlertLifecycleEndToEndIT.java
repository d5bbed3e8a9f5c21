package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert's lifecycle over the whole running program: a tenant whose only events are ten days old
 * fires the shipped {@code gone-silent} rule, the alert shows in {@code GET /v1/alerts}, and an ack
 * from the API travels as a command through Kafka and the topology back into the alert.
 */
@ExtendWith(SharedKafkaBroker.class)
class AlertLifecycleEndToEndIT {
    @TempDir Path stateDir;

    @Test
    void aSilentTenantsAlertFiresAndAnAckFromTheApiIsApplied() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "alerts-" + run + "-silent";
        try (PulseApplication pulse =
                E2eScenarios.startWithSilenceRule(stateDir, "alerts-" + run)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(tenant + ",Silent Ltd,owner-" + run + "@e2e.example,5\n");
            Instant tenDaysAgo =
                    Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));
            admin.addEvents(
                    "["
                            + PulseEndToEndIT.event("a1", tenant, "u1", "login", null, tenDaysAgo)
                            + ","
                            + PulseEndToEndIT.event(
                                    "a2", tenant, "u2", "login", null, tenDaysAgo.plusSeconds(60))
                            + "]");
            String firing = "/v1/alerts?tenant=" + tenant + "&state=firing";

            JsonNode fired =
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> silentAlert(admin.get(firing).json()), a -> a != null);
            assertThat(fired.path("severity").asText()).isEqualTo("critical");
            assertThat(fired.has("acknowledgedAt")).isFalse();
            assertThat(fired.has("actedBy")).isFalse();

            PulseHttp.Response ack =
                    admin.post(
                            "/v1/alerts/" + tenant + "/gone-silent/ack",
                            "application/json",
                            "{\"note\":\"on it\"}");
            assertThat(ack.status()).as(ack.body()).isEqualTo(202);

            JsonNode acked =
                    await().atMost(Duration.ofSeconds(60))
                            .until(
                                    () -> silentAlert(admin.get(firing).json()),
                                    a -> a != null && a.has("acknowledgedAt"));
            assertThat(acked.path("state").asText()).isEqualTo("firing");
            assertThat(acked.path("actedBy").asText()).isEqualTo(TestTokens.ADMIN);
            assertThat(acked.path("firedAt").asText()).isEqualTo(fired.path("firedAt").asText());
        }
    }

    private static JsonNode silentAlert(JsonNode list) {
        for (JsonNode alert : list.path("alerts")) {
            if (alert.path("ruleId").asText().equals("gone-silent")) {
                return alert;
            }
        }
        return null;
    }
}
