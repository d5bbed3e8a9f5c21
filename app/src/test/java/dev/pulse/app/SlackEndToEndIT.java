package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.bot.slack.FakeSlackApi;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack over the whole running program: an account whose weekly usage dropped fires an alert, the
 * notifier DMs its owner on Slack (a local server plays Slack's Web API) with the action buttons,
 * and pressing Acknowledge, sent to Pulse's Slack endpoint signed exactly as Slack signs it,
 * travels as an alert command through Kafka and the topology until {@code GET /v1/alerts} shows it
 * acknowledged.
 */
@ExtendWith(SharedKafkaBroker.class)
class SlackEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String SARAH_SLACK_ID = "USARAHE2E";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final String DAVID_SLACK_ID = "UDAVIDE2E";
    private static final String SIGNING_SECRET = "e2e-signing-secret-" + UUID.randomUUID();
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir Path stateDir;

    @Test
    void anAlertReachesTheOwnersSlackDmAndAcknowledgeFromSlackAcknowledgesItInPulse()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "slack-" + run;
        String alertId = tenant + "/usage-drop";
        try (FakeSlackApi slack = new FakeSlackApi();
                PulseApplication pulse =
                        PulseApplication.start(
                                withSlack(
                                        E2eScenarios.withUsageDropGrace(
                                                TestPulse.config(stateDir, "slack-" + run)
                                                        .withAlertRules(
                                                                E2eScenarios.rulesFile(
                                                                        stateDir,
                                                                        E2eScenarios
                                                                                .USAGE_DROP_RULE))),
                                        slack.apiUrl()),
                                PulseApplication.StartupProgress.SILENT)) {
            slack.addUser(SARAH_SLACK_ID, "Sarah Chen", SARAH);
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            // Sarah wants warnings on Slack; saved explicitly, since other tests on the shared
            // broker may have saved other preferences for her.
            PulseHttp.Response prefs =
                    admin.as(SARAH)
                            .put(
                                    "/v1/me/notification-preferences",
                                    "{\"severities\":[\"info\",\"warning\",\"critical\"],"
                                            + "\"channels\":[\"in-app\",\"slack\"],"
                                            + "\"quietHours\":null,\"digest\":false}");
            assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
            String savedAt = prefs.json().path("updatedAt").asText();
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    admin.as(SARAH)
                                            .get("/v1/me/notification-preferences")
                                            .json()
                                            .path("updatedAt")
                                            .asText()
                                            .equals(savedAt));
            admin.addAccounts(tenant + ",Quiet Slack " + run + "," + SARAH + ",5\n");
            PulseHttp.Response usage =
                    admin.post(
                            "/v1/events",
                            "application/x-ndjson",
                            E2eScenarios.usageDrop(run, tenant));
            assertThat(usage.status()).as(usage.body()).isEqualTo(200);

            FakeSlackApi.Call dm =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            slack.calls("chat.postMessage").stream()
                                                    .filter(
                                                            c ->
                                                                    SARAH_SLACK_ID.equals(
                                                                            c.form()
                                                                                    .get(
                                                                                            "channel")))
                                                    .filter(
                                                            c ->
                                                                    String.valueOf(
                                                                                    c.field(
                                                                                            "blocks"))
                                                                            .contains(alertId))
                                                    .findFirst()
                                                    .orElse(null),
                                    c -> c != null);
            String blocks = dm.field("blocks");
            assertThat(blocks)
                    .contains("Quiet Slack " + run)
                    .contains("pulse.alert.ack")
                    .contains("pulse.alert.snooze.1d")
                    .contains("pulse.alert.snooze.7d")
                    .contains("pulse.alert.follow-up")
                    .contains("/v1/accounts/" + tenant);
            assertThat(dm.authorization()).isEqualTo("Bearer xoxb-e2e-token");

            HttpResponse<String> pressed = pressAcknowledge(pulse.apiPort(), slack, alertId);
            assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);

            JsonNode acked =
                    await().atMost(DEADLINE)
                            .until(
                                    () ->
                                            admin.get(
                                                            "/v1/alerts?tenant="
                                                                    + tenant
                                                                    + "&state=firing")
                                                    .json()
                                                    .path("alerts")
                                                    .path(0),
                                    a -> a.has("acknowledgedAt"));
            assertThat(acked.path("id").asText()).isEqualTo(alertId);
            await().atMost(DEADLINE).until(() -> !slack.calls("respond/ack-" + run).isEmpty());
            assertThat(slack.calls("respond/ack-" + run).get(0).body()).contains("Acknowledged");

            // A forged press (wrong secret) is refused and changes nothing.
            HttpResponse<String> forged =
                    send(
                            pulse.apiPort(),
                            "payload=x",
                            "wrong-secret",
                            Instant.now().getEpochSecond());
            assertThat(forged.statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> slash(
            int port, FakeSlackApi slack, String userId, String reply) throws Exception {
        String body =
                "token=legacy&team_id=T0PULSE&team_domain=pulse-test&channel_id=C0GENERAL"
                        + "&channel_name=general&user_id="
                        + userId
                        + "&user_name=someone"
                        + "&command=%2Fpulse&text="
                        + URLEncoder.encode("at-risk accounts for Sarah", StandardCharsets.UTF_8)
                        + "&api_app_id=A0PULSE&trigger_id=1.2.3&response_url="
                        + URLEncoder.encode(slack.responseUrl(reply), StandardCharsets.UTF_8);
        return send(port, body, SIGNING_SECRET, Instant.now().getEpochSecond());
    }

    private static HttpResponse<String> pressAcknowledge(
            int port, FakeSlackApi slack, String alertId) throws Exception {
        String run = alertId.substring("slack-".length(), alertId.indexOf('/'));
        String payload =
                "{\"type\":\"block_actions\",\"user\":{\"id\":\""
                        + SARAH_SLACK_ID
                        + "\",\"username\":\"sarah\","
                        + "\"name\":\"sarah\",\"team_id\":\"T0PULSE\"},\"api_app_id\":\"A0PULSE\","
                        + "\"token\":\"legacy\",\"trigger_id\":\"1.2.3\","
                        + "\"team\":{\"id\":\"T0PULSE\",\"domain\":\"pulse-test\"},"
                        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1763700000.0001\","
                        + "\"channel_id\":\"DSARAH\",\"is_ephemeral\":false},"
                        + "\"channel\":{\"id\":\"DSARAH\",\"name\":\"directmessage\"},"
                        + "\"response_url\":\""
                        + slack.responseUrl("ack-" + run)
                        + "\","
                        + "\"actions\":[{\"action_id\":\"pulse.alert.ack\",\"block_id\":\"b1\","
                        + "\"text\":{\"type\":\"plain_text\",\"text\":\"Acknowledge\"},"
                        + "\"value\":\""
                        + alertId
                        + "\",\"type\":\"button\","
                        + "\"action_ts\":\"1763700001.000100\"}]}";
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        return send(port, body, SIGNING_SECRET, Instant.now().getEpochSecond());
    }

    private static HttpResponse<String> send(int port, String body, String secret, long timestamp)
            throws Exception {
        return SignedSlack.send(port, body, secret, timestamp);
    }

    private static PulseConfig withSlack(PulseConfig config, String apiUrl) {
        PulseConfig.Bot bot = config.bot();
        return config.withBot(
                new PulseConfig.Bot(
                        bot.timeZone(),
                        new PulseConfig.Slack(SIGNING_SECRET, "xoxb-e2e-token", "", apiUrl, ""),
                        bot.teams(),
                        bot.discord()));
    }
}
