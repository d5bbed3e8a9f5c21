package dev.pulse.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.testing.RecordingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

    @Test
    void withoutATokenThereIsNoDiscord() {
        DiscordSettings none = new DiscordSettings(null, null, null);

        assertThat(none.configured()).isFalse();
        assertThat(none.guild()).isEmpty();
        assertThat(DiscordFrontEnd.create(none, new RecordingEngine(), UserDirectory.of(List.of())))
                .isEmpty();
    }

    @Test
    void aGuildIdMustBeASnowflake() {
        assertThatThrownBy(() -> new DiscordSettings("token", "my-server", ""))
                .hasMessageContaining("bot.discord.guild-id");
        assertThat(new DiscordSettings("token", "1234567890123456789", "").guild())
                .contains("1234567890123456789");
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(new DiscordSettings("secret.token.value", "", "").toString())
                .doesNotContain("secret.token.value");
    }
}
