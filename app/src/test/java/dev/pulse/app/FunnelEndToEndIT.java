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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A funnel over the whole running program: usage events ingested over HTTP travel through Kafka,
 * the de-duplication and the funnel processor into the {@code funnel-daily} store, and {@code GET
 * /v1/funnels/reporting?tenant=} reads them back through the scope-checked read layer.
 */
@ExtendWith(SharedKafkaBroker.class)
class FunnelEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";

    @TempDir Path stateDir;

    @Test
    void ingestedEventsMoveUsersThroughTheShippedReportingFunnel() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "funnel-" + run;
        try (PulseApplication pulse =
                PulseApplication.start(
                        TestPulse.config(stateDir, "funnel-" + run),
                        PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(tenant + ",Funnel Ltd," + SARAH + ",10\n");
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
            List<String> events = new ArrayList<>();
            for (int user = 1; user <= 4; user++) {
                String u = "u" + user;
                Instant t = start.plus(Duration.ofHours(user));
                events.add(PulseEndToEndIT.event(u + "-1", tenant, u, "login", null, t));
                if (user <= 3) {
                    events.add(
                            PulseEndToEndIT.event(
                                    u + "-2",
                                    tenant,
                                    u,
                                    "feature_used",
                                    "reports",
                                    t.plus(Duration.ofHours(2))));
                }
                if (user == 1) {
                    events.add(
                            PulseEndToEndIT.event(
                                    u + "-3",
                                    tenant,
                                    u,
                                    "feature_used",
                                    "exports",
                                    t.plus(Duration.ofHours(3))));
                }
            }
            // A re-delivery: counted once.
            events.add(events.get(0));
            admin.addEvents("[" + String.join(",", events) + "]");

            String from = start.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            PulseHttp sarah = admin.as(SARAH);
            JsonNode funnel =
                    await().atMost(Duration.ofSeconds(60))
                            .until(
                                    () ->
                                            sarah.get(
                                                            "/v1/funnels/reporting?tenant="
                                                                    + tenant
                                                                    + "&from="
                                                                    + from)
                                                    .json(),
                                    // Every user's events in, not only the first user's: the
                                    // third step can fill before the fourth user's login counts.
                                    body -> users(body, 0) == 4 && users(body, 2) == 1);

            assertThat(funnel.path("funnel").path("label").asText())
                    .isEqualTo("Reporting adoption");
            assertThat(funnel.path("tenant").asText()).isEqualTo(tenant);
            assertThat(funnel.path("from").asText()).isEqualTo(from);
            JsonNode steps = funnel.path("steps");
            assertThat(steps.get(0).path("users").asLong()).isEqualTo(4);
            assertThat(steps.get(1).path("users").asLong()).isEqualTo(3);
            assertThat(steps.get(1).path("conversion").asDouble()).isEqualTo(0.75);
            assertThat(steps.get(1).path("medianHoursToConvert").asDouble()).isBetween(1.0, 3.0);
            assertThat(steps.get(2).path("overall").asDouble()).isEqualTo(0.25);
            assertThat(steps.get(3).path("users").asLong()).isZero();
            assertThat(funnel.path("portfolio").get(0).path("users").asLong())
                    .isGreaterThanOrEqualTo(4);

            // The chat asks the same use case: the same steps, Sarah's portfolio beside them.
            BotReply chat =
                    pulse.botEngine()
                            .ask(
                                    new ChatUser("slack", "U-SARAH-" + run, "Sarah", SARAH),
                                    "where do Funnel Ltd's users stall?");
            Block.Table reporting =
                    chat.blocks().stream()
                            .filter(b -> b instanceof Block.Table)
                            .map(b -> (Block.Table) b)
                            .filter(t -> t.columns().get(0).equals("Reporting adoption"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(chat.text()));
            assertThat(reporting.rows())
                    .extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                    .containsExactly(
                            "First login 4 100 %",
                            "Used reports 3 75 %",
                            "Exported a report 1 33 %",
                            "Set up an integration 0 0 %");
        }
    }

    private static long users(JsonNode funnel, int step) {
        return funnel.path("steps").get(step).path("users").asLong();
    }
}
