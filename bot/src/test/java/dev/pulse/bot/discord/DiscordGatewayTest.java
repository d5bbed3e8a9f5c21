package dev.pulse.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.testing.RecordingEngine;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Logs in to Discord and registers {@code /pulse}: runs only with a real bot token in {@code
 * PULSE_TEST_DISCORD_TOKEN} (and optionally a server id in {@code PULSE_TEST_DISCORD_GUILD_ID}).
 */
@EnabledIfEnvironmentVariable(named = "PULSE_TEST_DISCORD_TOKEN", matches = ".+")
class DiscordGatewayTest {

    @Test
    void logsInAndRegistersThePulseCommand() throws Exception {
        DiscordSettings settings =
                new DiscordSettings(
                        System.getenv("PULSE_TEST_DISCORD_TOKEN"),
                        System.getenv("PULSE_TEST_DISCORD_GUILD_ID"),
                        "https://pulse.example.com");
        try (DiscordFrontEnd discord =
                DiscordFrontEnd.create(settings, new RecordingEngine(), UserDirectory.of(List.of()))
                        .orElseThrow()) {
            discord.jda().awaitReady();

            discord.bot().registerCommand(discord.jda()).complete();

            List<Command> commands =
                    settings.guild().isPresent()
                            ? discord.jda()
                                    .getGuildById(settings.guildId())
                                    .retrieveCommands()
                                    .complete()
                            : discord.jda().retrieveCommands().complete();
            assertThat(commands).extracting(Command::getName).contains("pulse");
        }
    }
}
