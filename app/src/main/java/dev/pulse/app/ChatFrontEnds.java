package dev.pulse.app;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.discord.DiscordFrontEnd;
import dev.pulse.bot.discord.DiscordSettings;
import dev.pulse.bot.slack.SlackFrontEnd;
import dev.pulse.bot.slack.SlackSettings;
import dev.pulse.bot.teams.TeamsFrontEnd;
import dev.pulse.bot.teams.TeamsSettings;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.ReportFiles;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat platforms this instance runs, from the {@code bot} section of the configuration: each
 * one's webhook routes (mounted on the API server, outside {@code /v1}: the platforms sign their
 * requests) and its alert channel for the notifier. Platforms without credentials stay off;
 * start-up says once which run.
 */
final class ChatFrontEnds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatFrontEnds.class);

    private final Optional<SlackFrontEnd> slack;
    private final Optional<TeamsFrontEnd> teams;
    private final Optional<DiscordFrontEnd> discord;

    private ChatFrontEnds(
            Optional<SlackFrontEnd> slack,
            Optional<TeamsFrontEnd> teams,
            Optional<DiscordFrontEnd> discord) {
        this.slack = slack;
        this.teams = teams;
        this.discord = discord;
    }

    static ChatFrontEnds start(
            PulseConfig.Bot config,
            BotEngine engine,
            UserDirectory users,
            String linkBase,
            ReportFiles reportFiles) {
        PulseConfig.Slack s = config.slack();
        Map<String, String> slackKeys = new LinkedHashMap<>();
        slackKeys.put("bot.slack.signingSecret", s.signingSecret());
        slackKeys.put("bot.slack.botToken", s.botToken());
        slackKeys.put("bot.slack.appToken", s.appToken());
        slackKeys.put("bot.slack.apiUrl", s.apiUrl());
        slackKeys.put("bot.slack.alertChannels", s.alertChannels());
        slackKeys.put("bot.slack.linkBaseUrl", linkBase);
        Optional<SlackFrontEnd> slack =
                SlackSettings.fromConfig(slackKeys::get)
                        .flatMap(
                                settings ->
                                        SlackFrontEnd.create(settings, engine, users, reportFiles));
        PulseConfig.Teams t = config.teams();
        Optional<TeamsFrontEnd> teams =
                TeamsFrontEnd.create(
                        new TeamsSettings(
                                t.outgoingWebhookSecret(),
                                TeamsSettings.urls(pairs(t.webhooks())),
                                linkBase,
                                t.replyTimeout()),
                        engine,
                        reportFiles);
        PulseConfig.Discord d = config.discord();
        Optional<DiscordFrontEnd> discord =
                DiscordFrontEnd.create(
                        new DiscordSettings(d.token(), d.guildId(), linkBase),
                        engine,
                        users,
                        reportFiles);
        ChatFrontEnds chat = new ChatFrontEnds(slack, teams, discord);
        List<String> running = chat.names();
        if (running.isEmpty()) {
            LOG.info(
                    "Chat bot: no Slack, Teams or Discord credentials configured (bot.*); running"
                            + " without chat. See docs/bot.md to connect one.");
        } else {
            LOG.info("Chat bot running on: {}", String.join(", ", running));
        }
        return chat;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        slack.ifPresent(x -> names.add("Slack"));
        teams.ifPresent(x -> names.add("Microsoft Teams"));
        discord.ifPresent(x -> names.add("Discord"));
        return names;
    }

    /** The notifier's push channels these platforms add. */
    List<Channel> alertChannels() {
        List<Channel> channels = new ArrayList<>();
        slack.ifPresent(f -> channels.add(f.alertChannel()));
        teams.ifPresent(f -> channels.add(f.alertChannel()));
        discord.ifPresent(f -> channels.add(f.alertChannel()));
        return channels;
    }

    void mount(Router router) {
        slack.ifPresent(f -> f.mount(router));
        teams.ifPresent(f -> f.mount(router));
    }

    /** {@code a=x, b=y} → {a: x, b: y}; a pair without {@code =} is a clear error. */
    static Map<String, String> pairs(String list) {
        Map<String, String> map = new LinkedHashMap<>();
        if (list == null || list.isBlank()) {
            return map;
        }
        for (String pair : list.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "bot.teams.webhooks: '"
                                + trimmed
                                + "' is not key=url (keys are owner e-mails or default)");
            }
            map.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return map;
    }

    @Override
    public void close() {
        slack.ifPresent(SlackFrontEnd::close);
        discord.ifPresent(DiscordFrontEnd::close);
    }
}
