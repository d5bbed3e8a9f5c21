package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat bot over the whole running program: the same read layer, authorization and audit log as
 * the API. "at-risk accounts for Sarah" asked by Sarah answers exactly the accounts the API's
 * portfolio shows at risk for her; asked by David (another account manager, who sees only his own
 * accounts) it is refused; both questions are in the audit log.
 */
@ExtendWith(SharedKafkaBroker.class)
class BotEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir Path stateDir;

    @Test
    void atRiskAccountsForSarahAnswerSarahAndRefuseDavidAndBothAreAudited() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (PulseApplication pulse = E2eScenarios.startWithSilenceRule(stateDir, "bot-" + run)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            String silent = "bot-" + run + "-silent";
            String busy = "bot-" + run + "-busy";
            String davids = "bot-" + run + "-davids";
            admin.addAccounts(
                    silent
                            + ",Silent "
                            + run
                            + ","
                            + SARAH
                            + ",40\n"
                            + busy
                            + ",Busy "
                            + run
                            + ","
                            + SARAH
                            + ",3\n"
                            + davids
                            + ",Davids "
                            + run
                            + ","
                            + DAVID
                            + ",5\n");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            StringBuilder events = new StringBuilder("[");
            events.append(
                    PulseEndToEndIT.event(
                            run + "-s",
                            silent,
                            "u1",
                            "login",
                            null,
                            now.minus(Duration.ofDays(20))));
            for (int i = 0; i < 3; i++) {
                events.append(",")
                        .append(
                                PulseEndToEndIT.event(
                                        run + "-b" + i,
                                        busy,
                                        "u" + i,
                                        "login",
                                        null,
                                        now.minusSeconds(60 + i)));
                events.append(",")
                        .append(
                                PulseEndToEndIT.event(
                                        run + "-d" + i,
                                        davids,
                                        "u" + i,
                                        "login",
                                        null,
                                        now.minusSeconds(60 + i)));
            }
            events.append("]");
            admin.addEvents(events.toString());
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    admin.get("/v1/accounts/" + busy)
                                                    .json()
                                                    .path("health")
                                                    .has("score")
                                            && admin.get("/v1/accounts/" + silent)
                                                    .json()
                                                    .path("health")
                                                    .has("score"));

            BotEngine bot = pulse.botEngine();
            ChatUser sarah = new ChatUser("slack", "U-SARAH-" + run, "Sarah", SARAH);
            ChatUser david = new ChatUser("slack", "U-DAVID-" + run, "David", DAVID);

            // Exactly the accounts the API's portfolio shows at risk for Sarah, at the same time.
            await().atMost(DEADLINE)
                    .until(
                            () -> {
                                Set<String> api = atRiskInPortfolio(admin, SARAH);
                                Set<String> asked =
                                        namesIn(bot.ask(sarah, "at-risk accounts for Sarah"));
                                return !api.isEmpty() && api.equals(asked);
                            });
            BotReply answer = bot.ask(sarah, "at-risk accounts for Sarah");
            assertThat(namesIn(answer)).contains("Silent " + run).doesNotContain("Davids " + run);

            // One ranking: the chat's portfolio lists Sarah's accounts in the API's order.
            List<String> apiOrder = new ArrayList<>();
            for (JsonNode a : admin.get("/v1/portfolio?owner=" + SARAH).json().path("accounts")) {
                apiOrder.add(a.path("name").asText());
            }
            assertThat(rowsIn(bot.ask(sarah, "my portfolio"))).isEqualTo(apiOrder);

            // One lifecycle check: an over-long title is refused by chat exactly as by the API.
            String longTitle = "x".repeat(201);
            PulseHttp.Response api =
                    admin.as(SARAH)
                            .post(
                                    "/v1/accounts/" + busy + "/follow-ups",
                                    "application/json",
                                    "{\"title\":\"" + longTitle + "\"}");
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.json().path("detail").asText()).contains("must be 1 to 200 characters");
            BotReply chat = bot.ask(sarah, "follow-up Busy " + run + ": " + longTitle);
            assertThat(chat.text()).contains("title must be 1 to 200 characters");

            BotReply refused = bot.ask(david, "at-risk accounts for Sarah");
            assertThat(refused.text()).contains("Sorry").contains("outside what you can see");
            assertThat(refused.blocks()).noneMatch(b -> b instanceof Block.Table);

            BotReply stranger =
                    bot.ask(
                            new ChatUser("slack", "U-NOBODY", "Mallory", "mallory@evil.example"),
                            "my portfolio");
            assertThat(stranger.text())
                    .contains("I don't know you yet")
                    .contains("config/users.yaml");

            JsonNode sarahs =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            admin.get("/v1/audit?subject=" + SARAH + "&limit=200")
                                                    .json(),
                                    a -> a.toString().contains("slack: AtRisk"));
            assertThat(sarahs.toString()).contains("\"allowed\":true");
            JsonNode davidsAudit =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            admin.get(
                                                            "/v1/audit?subject="
                                                                    + DAVID
                                                                    + "&result=denied&limit=200")
                                                    .json(),
                                    a -> a.toString().contains("slack: AtRisk"));
            assertThat(davidsAudit.toString()).contains("\"allowed\":false").contains(SARAH);
        }
    }

    private static Set<String> atRiskInPortfolio(PulseHttp admin, String owner) {
        Set<String> names = new TreeSet<>();
        for (JsonNode a : admin.get("/v1/portfolio?owner=" + owner).json().path("accounts")) {
            if ("at_risk".equals(a.path("band").asText())) {
                names.add(a.path("name").asText());
            }
        }
        return names;
    }

    private static List<String> rowsIn(BotReply reply) {
        return reply.blocks().stream()
                .filter(b -> b instanceof Block.Table)
                .map(b -> (Block.Table) b)
                .flatMap(t -> t.rows().stream())
                .map(row -> row.get(0))
                .toList();
    }

    private static Set<String> namesIn(BotReply reply) {
        return reply.blocks().stream()
                .filter(b -> b instanceof Block.Table)
                .map(b -> (Block.Table) b)
                .flatMap(t -> t.rows().stream())
                .map(row -> row.get(0))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
