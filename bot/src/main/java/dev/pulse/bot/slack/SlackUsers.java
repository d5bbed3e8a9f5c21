package dev.pulse.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.User;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.core.ChatUser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is, both ways: a Slack user id as a {@link ChatUser} with the e-mail Slack
 * vouches for ({@code users.info}, needs {@code users:read.email}), and a Pulse e-mail as a Slack
 * user id (the directory's {@code chat: {slack: U…}}, else {@code users.lookupByEmail}). Answers
 * are cached for ten minutes, so a busy channel does not spend Slack's rate limit on lookups.
 */
final class SlackUsers {
    static final Duration TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SlackUsers.class);

    private final MethodsClient client;
    private final UserDirectory directory;
    private final Clock clock;
    private final Map<String, Cached<ChatUser>> byId = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<String>>> byEmail = new ConcurrentHashMap<>();

    SlackUsers(MethodsClient client, UserDirectory directory, Clock clock) {
        this.client = client;
        this.directory = directory;
        this.clock = clock;
    }

    /** The Slack user as Pulse's engine sees them; without an e-mail when Slack gives none. */
    ChatUser chatUser(String userId) {
        Cached<ChatUser> cached = byId.get(userId);
        if (cached != null && cached.fresh(clock.instant())) {
            return cached.value();
        }
        try {
            UsersInfoResponse info = client.usersInfo(r -> r.user(userId));
            if (!info.isOk() || info.getUser() == null) {
                LOG.warn(
                        "Slack users.info for {} failed: {} (is the users:read scope granted?)",
                        userId,
                        info.getError());
                return new ChatUser("slack", userId, null, null);
            }
            ChatUser user = toChatUser(info.getUser());
            byId.put(userId, new Cached<>(user, clock.instant().plus(TTL)));
            return user;
        } catch (IOException | SlackApiException e) {
            LOG.warn("Slack users.info for {} failed: {}", userId, e.toString());
            return new ChatUser("slack", userId, null, null);
        }
    }

    /**
     * The Slack user id of the Pulse user with this e-mail: declared in the directory, else looked
     * up by e-mail; empty when Slack knows no such user.
     *
     * @throws SlackApiException when Slack refuses (rate limit, server error)
     */
    Optional<String> slackIdOf(String email) throws IOException, SlackApiException {
        Optional<String> declared =
                directory.find(email).map(DirectoryUser::chatIds).map(ids -> ids.get("slack"));
        if (declared.isPresent()) {
            return declared;
        }
        Cached<Optional<String>> cached = byEmail.get(email);
        if (cached != null && cached.fresh(clock.instant())) {
            return cached.value();
        }
        UsersLookupByEmailResponse found = client.usersLookupByEmail(r -> r.email(email));
        Optional<String> id;
        if (found.isOk() && found.getUser() != null) {
            id = Optional.of(found.getUser().getId());
        } else if ("users_not_found".equals(found.getError())) {
            id = Optional.empty();
        } else {
            throw new SlackErrorException("users.lookupByEmail", found.getError());
        }
        byEmail.put(email, new Cached<>(id, clock.instant().plus(TTL)));
        return id;
    }

    private static ChatUser toChatUser(User user) {
        User.Profile profile = user.getProfile();
        String email = null;
        String name = user.getRealName();
        if (profile != null) {
            email = blankToNull(profile.getEmail());
            if (blankToNull(profile.getDisplayName()) != null) {
                name = profile.getDisplayName();
            } else if (blankToNull(profile.getRealName()) != null) {
                name = profile.getRealName();
            }
        }
        if (blankToNull(name) == null) {
            name = user.getName();
        }
        // Bots, and users of other workspaces in shared channels, carry no vouched-for e-mail.
        if (user.isBot() || user.isStranger()) {
            email = null;
        }
        return new ChatUser("slack", user.getId(), name, email);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private record Cached<T>(T value, Instant expiresAt) {
        boolean fresh(Instant now) {
            return now.isBefore(expiresAt);
        }
    }
}
