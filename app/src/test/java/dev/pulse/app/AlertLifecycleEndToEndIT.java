package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
                PulseApplication.start(
                        withLongGrace(
                                TestPulse.config(stateDir, "alerts-" + run),
                                immediateSilenceRule(stateDir)),
                        PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            assertThat(
                            admin.post(
                                            "/v1/accounts",
                                            "text/csv",
                                            "tenantId,name,owner,licensedSeats\n"
                                                    + tenant
                                                    + ",Silent Ltd,owner-"
                                                    + run
                                                    + "@e2e.example,5\n")
                                    .status())
                    .isEqualTo(200);
            Instant tenDaysAgo =
                    Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));
            assertThat(
                            admin.post(
                                            "/v1/events",
                                            "application/json",
                                            "["
                                                    + PulseEndToEndIT.event(
                                                            "a1",
                                                            tenant,
                                                            "u1",
                                                            "login",
                                                            null,
                                                            tenDaysAgo)
                                                    + ","
                                                    + PulseEndToEndIT.event(
                                                            "a2",
                                                            tenant,
                                                            "u2",
                                                            "login",
                                                            null,
                                                            tenDaysAgo.plusSeconds(60))
                                                    + "]")
                                    .status())
                    .isEqualTo(200);
            String firing = "/v1/alerts?tenant=" + tenant + "&state=firing";

            JsonNode fired =
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> silentAlert(admin.get(firing).json()), a -> a != null);
            assertThat(fired.path("severity").asText()).isEqualTo("critical");
            assertThat(fired.has("acknowledgedAt")).isFalse();

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

    /**
     * The shipped gone-silent rule waits 30 minutes ('for') from first sight unless the data is
     * caught up, and here the only events are ten days old, so the data never looks caught up (it
     * could as well be a backlog still queued); this test is about the lifecycle, so its rule fires
     * at once.
     */
    static String immediateSilenceRule(Path dir) {
        Path rules = dir.resolve("alert-rules.yaml");
        try {
            Files.writeString(
                    rules,
                    "version: e2e-1\n"
                            + "rules:\n"
                            + "  - id: gone-silent\n"
                            + "    kind: silence\n"
                            + "    severity: critical\n"
                            + "    for: 0\n"
                            + "    days: 7\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules.toString();
    }

    /** Events of ten days ago must count even behind other tests' recent events on the topic. */
    static PulseConfig withLongGrace(PulseConfig config, String alertRules) {
        PulseConfig.Pipeline p = config.pipeline();
        return new PulseConfig(
                config.kafka(),
                config.streams(),
                config.api(),
                new PulseConfig.Pipeline(
                        Duration.ofDays(30),
                        p.dedupWindow(),
                        p.hourlyRetention(),
                        p.dailyRetention(),
                        p.scoreRefreshInterval(),
                        p.fullRecomputeInterval(),
                        p.alertEvaluationInterval()),
                config.healthModel(),
                alertRules,
                config.auth(),
                config.audit(),
                config.notifier(),
                config.bot(),
                config.demo());
    }
}
