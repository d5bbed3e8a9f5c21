package dev.pulse.bot.teams;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How Pulse talks to Microsoft Teams.
 *
 * @param outgoingWebhookSecret the security token Teams shows once when the outgoing webhook is
 *     created, as shown (base64); empty when Pulse takes no commands from Teams
 * @param webhooks where alerts go: recipient key to an incoming webhook or Workflows URL. Keys are
 *     owner e-mails (compared in lower case), team names, or {@code default}; the alert channel
 *     looks up the recipient's e-mail first, then {@code default}
 * @param linkBaseUrl prefix of account links in cards, e.g. {@code https://pulse.example.com}
 * @param replyTimeout how long a command may take before Pulse answers "still working" instead;
 *     below Teams' 5 s limit (default 4 s)
 */
public record TeamsSettings(
        String outgoingWebhookSecret,
        Map<String, URI> webhooks,
        String linkBaseUrl,
        Duration replyTimeout) {

    /** The recipient key used when a person has no webhook of their own. */
    public static final String DEFAULT_KEY = "default";

    /** Teams closes the outgoing-webhook request after five seconds. */
    static final Duration TEAMS_LIMIT = Duration.ofSeconds(5);

    public TeamsSettings {
        outgoingWebhookSecret = outgoingWebhookSecret == null ? "" : outgoingWebhookSecret.strip();
        if (!outgoingWebhookSecret.isEmpty()) {
            decode(outgoingWebhookSecret);
        }
        Map<String, URI> hooks = new LinkedHashMap<>();
        if (webhooks != null) {
            webhooks.forEach(
                    (key, url) -> {
                        if (key == null || key.isBlank()) {
                            throw new IllegalArgumentException(
                                    "bot.teams.webhooks has an empty key; use an owner e-mail, a"
                                            + " team name or 'default'");
                        }
                        String k = key.strip().toLowerCase(Locale.ROOT);
                        if (url == null
                                || !url.isAbsolute()
                                || !("https".equalsIgnoreCase(url.getScheme())
                                        || "http".equalsIgnoreCase(url.getScheme()))
                                || url.getHost() == null) {
                            throw new IllegalArgumentException(
                                    "bot.teams.webhooks."
                                            + k
                                            + " is not an http(s) URL (copy the whole incoming"
                                            + " webhook or Workflows URL)");
                        }
                        hooks.put(k, url);
                    });
        }
        webhooks = Map.copyOf(hooks);
        linkBaseUrl = linkBaseUrl == null ? "" : linkBaseUrl.strip().replaceAll("/+$", "");
        replyTimeout = replyTimeout == null ? Duration.ofSeconds(4) : replyTimeout;
        if (replyTimeout.isNegative()
                || replyTimeout.isZero()
                || replyTimeout.compareTo(TEAMS_LIMIT) >= 0) {
            throw new IllegalArgumentException(
                    "bot.teams.reply-timeout "
                            + replyTimeout
                            + " must be above zero and below Teams' 5 s limit (e.g. 4s)");
        }
    }

    /** Parses a webhook map given as strings (configuration); errors name the key. */
    public static Map<String, URI> urls(Map<String, String> raw) {
        Map<String, URI> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach(
                    (key, url) -> {
                        try {
                            out.put(key, URI.create(url == null ? "" : url.strip()));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException(
                                    "bot.teams.webhooks."
                                            + key
                                            + " is not a URL: "
                                            + e.getMessage());
                        }
                    });
        }
        return out;
    }

    /** Whether Teams is set up at all: commands, alerts, or both. */
    public boolean configured() {
        return acceptsCommands() || !webhooks.isEmpty();
    }

    /** Whether the outgoing webhook (commands) is set up. */
    public boolean acceptsCommands() {
        return !outgoingWebhookSecret.isEmpty();
    }

    /** The HMAC key: the security token, base64-decoded. */
    byte[] hmacKey() {
        return decode(outgoingWebhookSecret);
    }

    /** The webhook for alerts to {@code ownerEmail}: theirs, else {@code default}. */
    public Optional<URI> webhookFor(String ownerEmail) {
        if (ownerEmail != null) {
            URI own = webhooks.get(ownerEmail.strip().toLowerCase(Locale.ROOT));
            if (own != null) {
                return Optional.of(own);
            }
        }
        return Optional.ofNullable(webhooks.get(DEFAULT_KEY));
    }

    @Override
    public String toString() {
        return "TeamsSettings[outgoingWebhookSecret="
                + (acceptsCommands() ? "***" : "")
                + ", webhooks="
                + webhooks.keySet()
                + " (URLs hidden), linkBaseUrl="
                + linkBaseUrl
                + ", replyTimeout="
                + replyTimeout
                + "]";
    }

    private static byte[] decode(String secret) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bot.teams.outgoing-webhook-secret is not base64: paste the security token"
                            + " Teams showed when the outgoing webhook was created, unchanged");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException(
                    "bot.teams.outgoing-webhook-secret decodes to "
                            + key.length
                            + " bytes; Teams' security token is longer (32 bytes): paste it whole");
        }
        return key;
    }
}
