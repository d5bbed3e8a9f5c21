package dev.pulse.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void notConfiguredWhenNeitherSecretNorTokenIsSet() {
        assertThat(SlackSettings.fromConfig(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void readsEveryKeyWithDefaults() {
        Map<String, String> config =
                Map.of(
                        "bot.slack.signingSecret", "s3cret",
                        "bot.slack.botToken", "xoxb-1",
                        "bot.slack.alertChannels", "C01ALERTS, C02CS",
                        "bot.slack.linkBaseUrl", "https://pulse.example.com/");

        SlackSettings settings = SlackSettings.fromConfig(config::get).orElseThrow();

        assertThat(settings.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(settings.alertChannels()).containsExactly("C01ALERTS", "C02CS");
        assertThat(settings.linkBaseUrl()).isEqualTo("https://pulse.example.com");
        assertThat(settings.socketMode()).isFalse();
        assertThat(settings.toString()).doesNotContain("s3cret", "xoxb-1");
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> new SlackSettings("", "xoxb-1", null, null, List.of(), ""))
                .hasMessageContaining("bot.slack.signingSecret");
        assertThatThrownBy(() -> new SlackSettings("s", "xoxp-user", null, null, List.of(), ""))
                .hasMessageContaining("bot.slack.botToken");
        assertThatThrownBy(() -> new SlackSettings("s", "xoxb-1", "xoxb-2", null, List.of(), ""))
                .hasMessageContaining("bot.slack.appToken");
        assertThatThrownBy(
                        () -> new SlackSettings("s", "xoxb-1", null, null, List.of("#alerts"), ""))
                .hasMessageContaining("bot.slack.alertChannels");
        assertThatThrownBy(() -> new SlackSettings("s", "xoxb-1", null, "slack.com", List.of(), ""))
                .hasMessageContaining("bot.slack.apiUrl");
    }

    @Test
    void appTokenTurnsOnSocketMode() {
        SlackSettings settings =
                new SlackSettings("s", "xoxb-1", "xapp-1-A", null, List.of(), null);

        assertThat(settings.socketMode()).isTrue();
    }
}
