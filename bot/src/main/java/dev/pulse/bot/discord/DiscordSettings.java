package dev.pulse.bot.discord;

import java.util.Optional;

/**
 * How Pulse talks to Discord.
 *
 * @param token the bot token of the Discord application; empty when Discord is not used
 * @param guildId the server (guild) to register {@code /pulse} on, which makes it usable at once;
 *     empty to register it globally (Discord may take a while to show global commands)
 * @param linkBaseUrl prefix of account links in messages, e.g. {@code https://pulse.example.com}
 */
public record DiscordSettings(String token, String guildId, String linkBaseUrl) {
    public DiscordSettings {
        token = token == null ? "" : token.strip();
        guildId = guildId == null ? "" : guildId.strip();
        if (!guildId.isEmpty() && !guildId.matches("\\d{15,25}")) {
            throw new IllegalArgumentException(
                    "bot.discord.guild-id '"
                            + guildId
                            + "' is not a Discord server id (a number; enable Developer Mode and"
                            + " use Copy Server ID)");
        }
        if (!token.isEmpty() && token.matches(".*\\s.*")) {
            throw new IllegalArgumentException(
                    "bot.discord.token contains spaces: paste the bot token alone, without"
                            + " 'Bot '");
        }
        linkBaseUrl = linkBaseUrl == null ? "" : linkBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Whether a token is set. */
    public boolean configured() {
        return !token.isEmpty();
    }

    public Optional<String> guild() {
        return guildId.isEmpty() ? Optional.empty() : Optional.of(guildId);
    }

    @Override
    public String toString() {
        return "DiscordSettings[token="
                + (configured() ? "***" : "")
                + ", guildId="
                + guildId
                + ", linkBaseUrl="
                + linkBaseUrl
                + "]";
    }
}
