package dev.pulse.bot.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How Pulse talks to one Slack workspace. Errors name the configuration key.
 *
 * @param signingSecret verifies that HTTP requests come from Slack ({@code
 *     bot.slack.signingSecret})
 * @param botToken the bot user OAuth token, {@code xoxb-…} ({@code bot.slack.botToken})
 * @param appToken the app-level token, {@code xapp-…}; when set, Pulse also connects in Socket Mode
 *     ({@code bot.slack.appToken}); null otherwise
 * @param apiUrl prefix of Web API method URLs, {@code https://slack.com/api/} unless a test points
 *     it elsewhere ({@code bot.slack.apiUrl})
 * @param alertChannels Slack channel ids that get every alert besides the owner's DM; may be empty
 *     ({@code bot.slack.alertChannels}, comma separated)
 * @param linkBaseUrl prefix of account links, e.g. {@code https://pulse.example.com} ({@code
 *     bot.slack.linkBaseUrl})
 */
public record SlackSettings(
        String signingSecret,
        String botToken,
        String appToken,
        String apiUrl,
        List<String> alertChannels,
        String linkBaseUrl) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");

    public SlackSettings {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "bot.slack.signingSecret is empty: copy the Signing Secret from the Slack"
                            + " app's Basic Information page");
        }
        if (botToken == null || !botToken.startsWith("xoxb-")) {
            throw new IllegalArgumentException(
                    "bot.slack.botToken must be the Bot User OAuth Token (xoxb-…) from the Slack"
                            + " app's OAuth & Permissions page");
        }
        appToken = appToken == null || appToken.isBlank() ? null : appToken.strip();
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException(
                    "bot.slack.appToken must be an app-level token (xapp-…) with the"
                            + " connections:write scope, or empty for HTTP only");
        }
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException(
                    "bot.slack.apiUrl '" + apiUrl + "' is not an http(s) URL");
        }
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        alertChannels = alertChannels == null ? List.of() : List.copyOf(alertChannels);
        for (String channel : alertChannels) {
            if (!CHANNEL_ID.matcher(channel).matches()) {
                throw new IllegalArgumentException(
                        "bot.slack.alertChannels: '"
                                + channel
                                + "' is not a Slack channel id (C…, G… or D…; the name"
                                + " does not work, copy the id from the channel details)");
            }
        }
        linkBaseUrl = linkBaseUrl == null ? "" : linkBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Whether Pulse connects to Slack in Socket Mode (besides the HTTP endpoint). */
    public boolean socketMode() {
        return appToken != null;
    }

    /**
     * Reads {@code bot.slack.*} through {@code config} (which answers null for an unset key); empty
     * when neither a signing secret nor a bot token is set, i.e. Slack is not configured.
     */
    public static Optional<SlackSettings> fromConfig(Function<String, String> config) {
        String secret = config.apply("bot.slack.signingSecret");
        String token = config.apply("bot.slack.botToken");
        if (blank(secret) && blank(token)) {
            return Optional.empty();
        }
        List<String> channels = new ArrayList<>();
        String list = config.apply("bot.slack.alertChannels");
        if (!blank(list)) {
            Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(channels::add);
        }
        return Optional.of(
                new SlackSettings(
                        secret,
                        token,
                        config.apply("bot.slack.appToken"),
                        config.apply("bot.slack.apiUrl"),
                        channels,
                        config.apply("bot.slack.linkBaseUrl")));
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl="
                + apiUrl
                + ", socketMode="
                + socketMode()
                + ", alertChannels="
                + alertChannels
                + ", linkBaseUrl="
                + linkBaseUrl
                + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
