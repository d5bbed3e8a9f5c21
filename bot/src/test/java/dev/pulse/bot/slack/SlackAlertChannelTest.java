package dev.pulse.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pulse.bot.testing.Replies;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationReason;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier's Slack channel against the fake Slack Web API. */
class SlackAlertChannelTest {
    static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

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
    void alertIsADirectMessageWithItsBlocksTheFourActionButtonsAndTheAccountLink()
            throws Exception {
        slack.frontEnd.alertChannel().deliver(delivery("d1", SlackFixture.SARAH, alert("acme")));

        FakeSlackApi.Call dm = postTo("USARAH").get(0);
        assertThat(dm.form().get("text")).contains("CRITICAL", "Acme & Co");
        JsonArray blocks = JsonParser.parseString(dm.field("blocks")).getAsJsonArray();
        assertThat(types(blocks)).containsExactly("header", "section", "section", "actions");
        JsonArray buttons = blocks.get(3).getAsJsonObject().getAsJsonArray("elements");
        List<String> actionIds = new ArrayList<>();
        for (JsonElement b : buttons) {
            actionIds.add(b.getAsJsonObject().get("action_id").getAsString());
        }
        assertThat(actionIds)
                .containsExactly(
                        "pulse.alert.ack",
                        "pulse.alert.snooze.1d",
                        "pulse.alert.snooze.7d",
                        "pulse.alert.follow-up",
                        "pulse.link.4");
        JsonObject ack = buttons.get(0).getAsJsonObject();
        assertThat(ack.get("value").getAsString()).isEqualTo("acme/gone-silent");
        assertThat(ack.get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(4).getAsJsonObject().get("url").getAsString())
                .isEqualTo("https://pulse.example.com/accounts/acme");
        assertThat(blocks.get(1).toString()).contains("Acme &amp; Co");
    }

    @Test
    void everyAlertChangeAlsoGoesOnceToTheConfiguredAlertChannel() throws Exception {
        Notification alert = alert("acme");
        slack.frontEnd.alertChannel().deliver(delivery("d1", SlackFixture.SARAH, alert));
        slack.frontEnd
                .alertChannel()
                .deliver(delivery("d2", SlackFixture.DAVID, withRecipient(alert, "david")));

        assertThat(postTo(SlackFixture.ALERTS_CHANNEL)).hasSize(1);
        assertThat(postTo("USARAH")).hasSize(1);
        // David has no chat id in the directory: found by e-mail.
        assertThat(slack.api.calls("users.lookupByEmail")).hasSize(1);
        assertThat(postTo("UDAVID")).hasSize(1);
    }

    @Test
    void digestIsOneMessageWithAHeaderAndEachAlert() throws Exception {
        slack.frontEnd
                .alertChannel()
                .deliver(delivery("d3", SlackFixture.SARAH, alert("acme"), alert("globex")));

        List<FakeSlackApi.Call> dms = postTo("USARAH");
        assertThat(dms).hasSize(1);
        String blocks = dms.get(0).field("blocks");
        assertThat(blocks)
                .contains("Pulse digest: 2 alerts", "acme/gone-silent", "globex/gone-silent");
    }

    @Test
    void rateLimitBecomesRetryAfterAndTheRetryPostsOnce() throws Exception {
        slack.api.rateLimit("chat.postMessage", 1, 2);
        Delivery delivery = delivery("d4", SlackFixture.SARAH, alert("acme"));

        assertThatThrownBy(() -> slack.frontEnd.alertChannel().deliver(delivery))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> {
                            assertThat(e.permanent()).isFalse();
                            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                        });

        slack.frontEnd.alertChannel().deliver(delivery);

        // The DM was limited and sent on the retry; the channel post went through the first
        // time and is not repeated.
        assertThat(slack.api.calls("chat.postMessage")).hasSize(3);
        assertThat(postTo("USARAH")).hasSize(2);
        assertThat(postTo(SlackFixture.ALERTS_CHANNEL)).hasSize(1);
    }

    @Test
    void recipientUnknownToSlackFailsPermanentlyNamingTheError() {
        Delivery delivery = delivery("d5", "nobody@x.test", alert("acme"));

        assertThatThrownBy(() -> slack.frontEnd.alertChannel().deliver(delivery))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> {
                            assertThat(e.permanent()).isTrue();
                            assertThat(e.getMessage()).contains("users_not_found");
                        });
    }

    private List<FakeSlackApi.Call> postTo(String channel) {
        return slack.api.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.form().get("channel")))
                .toList();
    }

    private static List<String> types(JsonArray blocks) {
        List<String> types = new ArrayList<>();
        blocks.forEach(b -> types.add(b.getAsJsonObject().get("type").getAsString()));
        return types;
    }

    static Notification alert(String account) {
        String name = account.equals("acme") ? "Acme & Co" : "Globex";
        return new Notification(
                "0001763712000000-" + account,
                SlackFixture.SARAH,
                NotificationReason.FIRED,
                account + "/gone-silent",
                account,
                name,
                "gone-silent",
                Severity.CRITICAL,
                AlertState.FIRING,
                name + ": no activity for 8 days; score 71 → 48",
                "/accounts/" + account,
                AT,
                AT,
                List.of("slack"),
                true,
                null,
                null);
    }

    static Notification withRecipient(Notification n, String who) {
        return new Notification(
                n.id() + "-" + who,
                who + "@x.test",
                n.reason(),
                n.alertId(),
                n.tenantId(),
                n.accountName(),
                n.ruleId(),
                n.severity(),
                n.alertState(),
                n.explanation(),
                n.link(),
                n.alertChangedAt(),
                n.createdAt(),
                n.channels(),
                n.inApp(),
                null,
                null);
    }

    @Test
    void aScheduledReportIsUploadedIntoTheOwnersDirectMessagesOnce() throws Exception {
        Notification n = Replies.scheduledReport(SlackFixture.SARAH, "slack");
        Delivery delivery = delivery(OutboxEntry.key(n, "slack"), SlackFixture.SARAH, n);

        slack.frontEnd.alertChannel().deliver(delivery);
        slack.frontEnd.alertChannel().deliver(delivery); // a retry after a lost acknowledgement

        assertThat(slack.api.uploads()).hasSize(1);
        FakeSlackApi.Upload upload = slack.api.uploads().get(0);
        assertThat(upload.channel()).isEqualTo("DUSARAH"); // conversations.open with USARAH
        assertThat(upload.filename()).isEqualTo("review-acme.pdf");
        assertThat(upload.bytes()).isEqualTo(SlackFixture.REPORT_BYTES);
        assertThat(upload.initialComment()).contains("Weekly report: account acme");
        // Only the owner: nothing goes to the shared alert channels.
        assertThat(slack.api.calls("chat.postMessage")).isEmpty();
    }

    static Delivery delivery(String id, String recipient, Notification... notifications) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Notification n : notifications) {
            entries.add(
                    new OutboxEntry(
                            OutboxEntry.key(n, "slack"),
                            "slack",
                            n,
                            AT,
                            notifications.length > 1,
                            0,
                            AT,
                            null));
        }
        return new Delivery(id, "slack", recipient, entries);
    }
}
