package dev.pulse.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.testing.Replies;
import dev.pulse.notify.channel.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordAlertChannelTest {
    private static final String MAPPED = "sarah.chen@demo.pulse.dev";
    private static final String UNMAPPED = "tom.berg@demo.pulse.dev";

    private final UserDirectory directory =
            UserDirectory.of(
                    List.of(
                            user(MAPPED, Map.of("discord", "112233445566778899")),
                            user(UNMAPPED, Map.of("slack", "U0123"))));
    private final List<String> sentTo = new CopyOnWriteArrayList<>();
    private final List<MessageCreateData> sent = new CopyOnWriteArrayList<>();

    private DiscordAlertChannel channel(DiscordAlertChannel.DirectMessages messages) {
        return new DiscordAlertChannel(
                directory,
                new DiscordRenderer(),
                messages,
                "https://pulse.example.com",
                Duration.ofMillis(300));
    }

    private final DiscordAlertChannel.DirectMessages recording =
            (id, message) -> {
                sentTo.add(id);
                sent.add(message);
                return CompletableFuture.completedFuture(null);
            };

    @Test
    void sendsTheAlertAsADirectMessageToTheMappedUser() throws Exception {
        channel(recording)
                .deliver(
                        Replies.delivery(
                                "discord",
                                Replies.notification(MAPPED, "acme/gone-silent", "Acme Corp")));

        assertThat(sentTo).containsExactly("112233445566778899");
        MessageCreateData message = sent.get(0);
        assertThat(message.getEmbeds().get(0).getTitle())
                .contains("CRITICAL")
                .contains("Acme Corp");
        assertThat(message.getEmbeds().get(0).getDescription()).contains("no logins for 7 days");
        assertThat(DiscordRendererTest.buttons(message))
                .extracting(b -> b.getCustomId() == null ? b.getUrl() : b.getCustomId())
                .containsExactly(
                        "pulse.alert.ack|acme/gone-silent",
                        "pulse.alert.snooze.1d|acme/gone-silent",
                        "pulse.alert.snooze.7d|acme/gone-silent",
                        "pulse.alert.follow-up|acme/gone-silent",
                        "https://pulse.example.com/accounts/acme");
    }

    @Test
    void aScheduledReportIsAttachedToTheDirectMessage() throws Exception {
        channel(recording)
                .withReports(Replies.REPORTS)
                .deliver(Replies.delivery("discord", Replies.scheduledReport(MAPPED, "discord")));

        assertThat(sentTo).containsExactly("112233445566778899");
        MessageCreateData message = sent.get(0);
        assertThat(message.getFiles()).hasSize(1);
        assertThat(message.getFiles().get(0).getName()).isEqualTo("review-acme.pdf");
        try (var in = message.getFiles().get(0).getData()) {
            assertThat(in.readAllBytes()).isEqualTo(Replies.REPORT_BYTES);
        }
        assertThat(message.getEmbeds().get(0).getDescription()).contains("Weekly report");
    }

    @Test
    void aRecipientWithoutADiscordIdIsPermanentAndSaysHowToMap() {
        DeliveryException e =
                catchThrowableOfType(
                        DeliveryException.class,
                        () ->
                                channel(recording)
                                        .deliver(
                                                Replies.delivery(
                                                        "discord",
                                                        Replies.notification(
                                                                UNMAPPED, "acme/x", "Acme"))));

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("chat: {discord: <user id>}").contains(UNMAPPED);
        assertThat(sentTo).isEmpty();
    }

    @Test
    void aRateLimitWaitsAsDiscordSays() {
        DeliveryException e =
                catchThrowableOfType(
                        DeliveryException.class,
                        () ->
                                channel(
                                                (id, m) ->
                                                        CompletableFuture.failedFuture(
                                                                new RateLimitedException(
                                                                        "users/@me/channels",
                                                                        2500)))
                                        .deliver(
                                                Replies.delivery(
                                                        "discord",
                                                        Replies.notification(
                                                                MAPPED, "acme/x", "Acme"))));

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofMillis(2500));
    }

    @Test
    void aSlowSendTimesOutAndIsRetried() {
        CompletableFuture<Object> never = new CompletableFuture<>();

        DeliveryException e =
                catchThrowableOfType(
                        DeliveryException.class,
                        () ->
                                channel((id, m) -> never)
                                        .deliver(
                                                Replies.delivery(
                                                        "discord",
                                                        Replies.notification(
                                                                MAPPED, "acme/x", "Acme"))));

        assertThat(e.permanent()).isFalse();
        assertThat(never).isCancelled();
    }

    private static DirectoryUser user(String email, Map<String, String> chat) {
        return new DirectoryUser(
                email, email, Role.VIEWER, ScopeSpec.defaultFor(Role.VIEWER), null, null, chat);
    }
}
