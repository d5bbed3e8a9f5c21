package dev.pulse.bot.slack;

import static dev.pulse.bot.testing.RecordingEngine.Kind.ASK;
import static dev.pulse.bot.testing.RecordingEngine.Kind.HOME;
import static dev.pulse.bot.testing.RecordingEngine.Kind.PRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import dev.pulse.bot.reply.ReplyFile;
import dev.pulse.bot.testing.RecordingEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack bot through Bolt itself: requests signed as Slack signs them reach Pulse's endpoint on
 * a real Vert.x server, and what Pulse posts back lands on a fake Slack Web API.
 */
class SlackBotTest {
    private SlackFixture slack;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackFixture();
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
    }

    @Test
    void slashCommandIsAcknowledgedAtOnceAndAnsweredAtTheResponseUrl() throws Exception {
        slack.engine.gate().hold(); // the engine cannot answer until released
        long started = System.nanoTime();

        HttpResponse<String> ack = slack.postForm(command("USARAH", "portfolio", "cmd1"));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(slack.api.calls("respond/cmd1")).isEmpty(); // acknowledged before answering
        slack.engine.gate().release();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !slack.api.calls("respond/cmd1").isEmpty());
        JsonObject answer = slack.api.calls("respond/cmd1").get(0).json();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.get("text").getAsString()).contains("Your portfolio");
        JsonArray blocks = answer.getAsJsonArray("blocks");
        assertThat(blocks.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        String table =
                blocks.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
        assertThat(table).startsWith("```").contains("Acme", "48", "at-risk", "▼", "Globex", "▲");
        RecordingEngine.Call asked = slack.engine.calls(ASK).get(0);
        assertThat(asked.text()).isEqualTo("portfolio");
        assertThat(asked.user().userId()).isEqualTo("USARAH");
        assertThat(asked.user().verifiedEmail()).isEqualTo(SlackFixture.SARAH);
        assertThat(asked.user().displayName()).isEqualTo("Sarah");
    }

    @Test
    void userWithoutEmailOnSlackIsAskedAboutWithoutOne() throws Exception {
        slack.postForm(command("UGUEST", "help", "cmd2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.engine.calls(ASK).isEmpty());
        assertThat(slack.engine.calls(ASK).get(0).user().verifiedEmail()).isNull();
        assertThat(slack.engine.calls(ASK).get(0).user().platform()).isEqualTo("slack");
    }

    @Test
    void mentionIsAnsweredInTheChannelThreadedUnderTheMessage() throws Exception {
        HttpResponse<String> ack =
                slack.postJson(
                        event(
                                "{\"type\":\"app_mention\",\"user\":\"USARAH\","
                                        + "\"text\":\"<@UBOT> at-risk accounts\","
                                        + "\"ts\":\"1763700000.000200\",\"channel\":\"CGENERAL\","
                                        + "\"event_ts\":\"1763700000.000200\"}"));

        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.api.calls("chat.postMessage").isEmpty());
        FakeSlackApi.Call post = slack.api.calls("chat.postMessage").get(0);
        assertThat(post.form())
                .containsEntry("channel", "CGENERAL")
                .containsEntry("thread_ts", "1763700000.000200");
        assertThat(post.authorization()).isEqualTo("Bearer xoxb-test-token");
        assertThat(post.field("blocks")).contains("header", "Acme");
        assertThat(slack.engine.calls(ASK).get(0).text()).isEqualTo("at-risk accounts");
    }

    @Test
    void aReportIsUploadedIntoTheConversationThroughSlacksExternalUpload() throws Exception {
        byte[] pdf = "%PDF-1.7 report".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        slack.engine.answering(
                BotReply.plain("Business review of Acme")
                        .withFile(new ReplyFile("review-acme.pdf", "application/pdf", pdf)));

        slack.postJson(
                event(
                        "{\"type\":\"app_mention\",\"user\":\"USARAH\","
                                + "\"text\":\"<@UBOT> report Acme pdf\","
                                + "\"ts\":\"1763700000.000250\",\"channel\":\"CGENERAL\","
                                + "\"event_ts\":\"1763700000.000250\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api.uploads().isEmpty());
        FakeSlackApi.Upload upload = slack.api.uploads().get(0);
        assertThat(upload.filename()).isEqualTo("review-acme.pdf");
        assertThat(upload.bytes()).isEqualTo(pdf);
        assertThat(upload.declaredLength()).isEqualTo(pdf.length);
        assertThat(upload.channel()).isEqualTo("CGENERAL");
        assertThat(upload.threadTs()).isEqualTo("1763700000.000250");
        assertThat(upload.initialComment()).contains("Business review of Acme");
        assertThat(slack.api.calls("files.getUploadURLExternal").get(0).authorization())
                .isEqualTo("Bearer xoxb-test-token");
        assertThat(slack.api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aSlashCommandReportIsUploadedIntoTheCommandsChannel() throws Exception {
        slack.engine.answering(
                BotReply.plain("Portfolio report")
                        .withFile(new ReplyFile("portfolio.csv", "text/csv", new byte[] {'a'})));

        slack.postForm(command("USARAH", "report portfolio csv", "cmd9"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api.uploads().isEmpty());
        assertThat(slack.api.uploads().get(0).channel()).isEqualTo("CGENERAL");
        assertThat(slack.api.uploads().get(0).filename()).isEqualTo("portfolio.csv");
    }

    @Test
    void directMessageIsAnsweredInTheConversation() throws Exception {
        slack.postJson(
                event(
                        "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"USARAH\","
                                + "\"text\":\"portfolio\",\"ts\":\"1763700000.000300\","
                                + "\"channel\":\"DSARAH\",\"event_ts\":\"1763700000.000300\"}"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.api.calls("chat.postMessage").isEmpty());
        FakeSlackApi.Call post = slack.api.calls("chat.postMessage").get(0);
        assertThat(post.form()).containsEntry("channel", "DSARAH").doesNotContainKey("thread_ts");
        assertThat(slack.engine.calls(ASK)).hasSize(1);
    }

    @Test
    void botMessagesAndEditsInDirectMessagesAreIgnored() throws Exception {
        slack.postJson(
                event(
                        "{\"type\":\"message\",\"channel_type\":\"im\",\"bot_id\":\"BBOT\","
                                + "\"user\":\"UBOT\",\"text\":\"Your portfolio\","
                                + "\"ts\":\"1763700000.000400\",\"channel\":\"DSARAH\"}"));
        slack.postJson(
                event(
                        "{\"type\":\"message\",\"subtype\":\"message_changed\","
                                + "\"channel_type\":\"im\",\"channel\":\"DSARAH\","
                                + "\"ts\":\"1763700000.000500\",\"hidden\":true,"
                                + "\"message\":{\"type\":\"message\",\"user\":\"USARAH\","
                                + "\"text\":\"portfolio!\",\"ts\":\"1763700000.000300\"}}"));
        slack.postJson(
                event(
                        "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"USARAH\","
                                + "\"text\":\"help\",\"ts\":\"1763700000.000600\","
                                + "\"channel\":\"DSARAH\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.engine.calls(ASK).isEmpty());
        await().during(Duration.ofMillis(500)).until(() -> slack.engine.calls(ASK).size() == 1);
        assertThat(slack.engine.calls(ASK).get(0).text()).isEqualTo("help");
    }

    @Test
    void buttonPressDrivesTheAlertCommandAndAnswersAsANewMessage() throws Exception {
        String payload =
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"USARAH\",\"username\":\"sarah\","
                        + "\"name\":\"sarah\",\"team_id\":\"T0PULSE\"},\"api_app_id\":\"A0PULSE\","
                        + "\"token\":\"legacy\",\"trigger_id\":\"1.2.3\","
                        + "\"team\":{\"id\":\"T0PULSE\",\"domain\":\"pulse-test\"},"
                        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1763700000.0001\","
                        + "\"channel_id\":\"DSARAH\",\"is_ephemeral\":false},"
                        + "\"channel\":{\"id\":\"DSARAH\",\"name\":\"directmessage\"},"
                        + "\"response_url\":\""
                        + slack.api.responseUrl("act1")
                        + "\",\"actions\":[{\"action_id\":\"pulse.alert.snooze.7d\","
                        + "\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\","
                        + "\"text\":\"Snooze 7d\"},\"value\":\"acme/gone-silent\","
                        + "\"type\":\"button\",\"action_ts\":\"1763700001.000100\"}]}";

        HttpResponse<String> ack = slack.postForm(Map.of("payload", payload));

        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.api.calls("respond/act1").isEmpty());
        RecordingEngine.Call pressed = slack.engine.calls(PRESS).get(0);
        assertThat(pressed.action()).isEqualTo(ButtonAction.SNOOZE_ALERT_7D);
        assertThat(pressed.text()).isEqualTo("acme/gone-silent");
        assertThat(pressed.user().verifiedEmail()).isEqualTo(SlackFixture.SARAH);
        JsonObject answer = slack.api.calls("respond/act1").get(0).json();
        assertThat(answer.get("replace_original").getAsBoolean()).isFalse();
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.get("text").getAsString()).isEqualTo("Acknowledged acme/gone-silent.");
    }

    @Test
    void appHomePublishesThePortfolio() throws Exception {
        slack.postJson(
                event(
                        "{\"type\":\"app_home_opened\",\"user\":\"USARAH\","
                                + "\"channel\":\"DSARAH\",\"tab\":\"home\","
                                + "\"event_ts\":\"1763700000.000700\"}"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.api.calls("views.publish").isEmpty());
        FakeSlackApi.Call publish = slack.api.calls("views.publish").get(0);
        assertThat(publish.form()).containsEntry("user_id", "USARAH");
        JsonObject view = JsonParser.parseString(publish.field("view")).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertThat(view.toString()).contains("Your portfolio", "Acme", "▼");
        assertThat(slack.engine.calls(HOME))
                .extracting(call -> call.user().userId())
                .containsExactly("USARAH");
    }

    @Test
    void urlVerificationChallengeIsAnswered() throws Exception {
        HttpResponse<String> answer =
                slack.postJson(
                        "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                            + "\"type\":\"url_verification\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void badSignatureIsRejected() throws Exception {
        String body = SlackFixture.form(command("USARAH", "portfolio", "cmd3"));
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> answer =
                slack.post(
                        "application/x-www-form-urlencoded",
                        body,
                        now,
                        SlackSigner.signature("not-the-secret", now, body));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(slack.engine.calls(ASK)).isEmpty();
        assertThat(slack.api.calls("respond/cmd3")).isEmpty();
    }

    @Test
    void staleTimestampIsRejectedEvenWhenSignedCorrectly() throws Exception {
        String body = SlackFixture.form(command("USARAH", "portfolio", "cmd4"));
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        HttpResponse<String> answer =
                slack.post(
                        "application/x-www-form-urlencoded",
                        body,
                        tenMinutesAgo,
                        SlackSigner.signature(SlackFixture.SECRET, tenMinutesAgo, body));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(slack.engine.calls(ASK)).isEmpty();
    }

    private Map<String, String> command(String userId, String text, String responseId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        form.put("team_id", "T0PULSE");
        form.put("team_domain", "pulse-test");
        form.put("channel_id", "CGENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/pulse");
        form.put("text", text);
        form.put("api_app_id", "A0PULSE");
        form.put("is_enterprise_install", "false");
        form.put("response_url", slack.api.responseUrl(responseId));
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form;
    }

    private static String event(String event) {
        return "{\"token\":\"legacy\",\"team_id\":\"T0PULSE\",\"api_app_id\":\"A0PULSE\","
                + "\"event\":"
                + event
                + ",\"type\":\"event_callback\",\"event_id\":\"Ev"
                + System.nanoTime()
                + "\",\"event_time\":1763700000,"
                + "\"authorizations\":[{\"team_id\":\"T0PULSE\",\"user_id\":\"UBOT\","
                + "\"is_bot\":true}]}";
    }
}
