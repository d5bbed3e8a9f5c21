package dev.pulse.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationReason;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void sendsOneMessageWithTextAndHtmlPartsAndAStableMessageId() throws Exception {
        EmailChannel channel = new EmailChannel(settings(SMTP.getSmtp().getPort()));
        Delivery delivery = delivery("Acme <Corp> & Sons");

        channel.deliver(delivery);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("sarah@x.test");
        assertThat(message.getSubject())
                .isEqualTo("[Pulse] critical: Acme <Corp> & Sons (gone-silent)");
        assertThat(message.getMessageID()).startsWith("<").endsWith("@pulse>");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text)
                .contains("Acme: no activity for 8 days; score 71 → 48")
                .contains("https://pulse.example.com/v1/accounts/acme");
        assertThat(html)
                .contains("Acme &lt;Corp&gt; &amp; Sons")
                .contains("href=\"https://pulse.example.com/v1/accounts/acme\"")
                .doesNotContain("<Corp>");
        assertThat(GreenMailUtil.getBody(message)).isNotBlank();
    }

    @Test
    void aServerThatIsDownIsATransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailChannel channel = new EmailChannel(settings(closedPort));

        assertThatThrownBy(() -> channel.deliver(delivery("Acme")))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> {
                            assertThat(e.permanent()).isFalse();
                            assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort);
                        });
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(
                        () ->
                                new EmailSettings(
                                        "",
                                        25,
                                        EmailSettings.Security.NONE,
                                        "",
                                        "",
                                        "a@b",
                                        "",
                                        null))
                .hasMessageContaining("notifier.email.host");
        assertThatThrownBy(() -> EmailSettings.Security.fromLabel("ssl"))
                .hasMessageContaining("starttls, smtps, none");
    }

    private static EmailSettings settings(int port) {
        return new EmailSettings(
                "127.0.0.1",
                port,
                EmailSettings.Security.NONE,
                "",
                "",
                "Pulse <alerts@pulse.test>",
                "https://pulse.example.com/",
                Duration.ofSeconds(5));
    }

    private static Delivery delivery(String accountName) {
        Alert alert =
                new Alert(
                        "acme/gone-silent",
                        "acme",
                        "gone-silent",
                        AlertKind.SILENCE,
                        Severity.CRITICAL,
                        AlertState.FIRING,
                        AT,
                        AT,
                        null,
                        "Acme: no activity for 8 days; score 71 → 48",
                        "sarah@x.test",
                        Alert.link("acme"),
                        48.0,
                        AT,
                        "v1",
                        null,
                        null,
                        null,
                        null);
        Notification n =
                Notification.about(
                        alert,
                        accountName,
                        "sarah@x.test",
                        NotificationReason.FIRED,
                        0,
                        AT,
                        AT,
                        List.of("email"),
                        true);
        OutboxEntry entry =
                new OutboxEntry(OutboxEntry.key(n, "email"), "email", n, AT, false, 0, AT, null);
        return new Delivery(entry.key(), "email", n.recipient(), List.of(entry));
    }
}
