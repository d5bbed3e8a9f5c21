package dev.pulse.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.bot.testing.RecordingEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {
    private static final String SECRET = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=";

    @Test
    void notConfiguredMeansNoFrontEnd() {
        TeamsSettings none = new TeamsSettings(null, null, null, null);

        assertThat(none.configured()).isFalse();
        assertThat(TeamsFrontEnd.create(none, new RecordingEngine())).isEmpty();
        assertThat(TeamsFrontEnd.create(null, new RecordingEngine())).isEmpty();
    }

    @Test
    void webhooksAloneGiveAnAlertChannelButNoCommands() {
        TeamsSettings alertsOnly =
                new TeamsSettings(
                        "",
                        Map.of("default", URI.create("https://example.webhook.office.com/x")),
                        "",
                        null);

        TeamsFrontEnd teams = TeamsFrontEnd.create(alertsOnly, new RecordingEngine()).orElseThrow();

        assertThat(teams.acceptsCommands()).isFalse();
        assertThat(teams.alertChannel().name()).isEqualTo("teams");
        assertThat(alertsOnly.replyTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aSecretThatIsNotBase64IsNamed() {
        assertThatThrownBy(() -> new TeamsSettings("not base64 at all!", Map.of(), "", null))
                .hasMessageContaining("bot.teams.outgoing-webhook-secret")
                .hasMessageContaining("base64");
    }

    @Test
    void aWebhookThatIsNotAUrlIsNamed() {
        assertThatThrownBy(
                        () ->
                                new TeamsSettings(
                                        SECRET,
                                        TeamsSettings.urls(Map.of("Default", "webhook")),
                                        "",
                                        null))
                .hasMessageContaining("bot.teams.webhooks.default");
    }

    @Test
    void theReplyTimeoutMustStayUnderTeamsLimit() {
        assertThatThrownBy(() -> new TeamsSettings(SECRET, Map.of(), "", Duration.ofSeconds(5)))
                .hasMessageContaining("bot.teams.reply-timeout");
    }

    @Test
    void looksUpTheOwnerThenDefault() {
        TeamsSettings settings =
                new TeamsSettings(
                        SECRET,
                        Map.of(
                                "default", URI.create("https://a.example/default"),
                                "Sarah@Example.com", URI.create("https://a.example/sarah")),
                        "",
                        null);

        assertThat(settings.webhookFor("sarah@example.com"))
                .contains(URI.create("https://a.example/sarah"));
        assertThat(settings.webhookFor("tom@example.com"))
                .contains(URI.create("https://a.example/default"));
        assertThat(settings.toString()).doesNotContain("a.example").doesNotContain(SECRET);
    }
}
