package dev.pulse.bot.core;

import java.util.Objects;

/**
 * Who wrote, as the chat platform knows them.
 *
 * @param platform {@code slack}, {@code teams}, {@code discord}
 * @param userId the platform's id of the person (Slack U…, Teams AAD object id, Discord snowflake)
 * @param displayName for messages; may be null
 * @param verifiedEmail the e-mail the platform vouches for (Slack's profile e-mail with the
 *     users:read.email scope); null when the platform gives none
 */
public record ChatUser(String platform, String userId, String displayName, String verifiedEmail) {
    public ChatUser {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
    }
}
