package dev.pulse.bot.slack;

import com.slack.api.Slack;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.ReportFiles;
import io.vertx.ext.web.Router;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Slack, as the application wires it: the HTTP route, Socket Mode when an app token is
 * set, and the notifier's {@code slack} channel.
 */
public final class SlackFrontEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackFrontEnd.class);

    private final SlackBot bot;
    private final SlackAlertChannel alertChannel;
    private final SlackSocketMode socketMode;

    private SlackFrontEnd(
            SlackBot bot, SlackAlertChannel alertChannel, SlackSocketMode socketMode) {
        this.bot = bot;
        this.alertChannel = alertChannel;
        this.socketMode = socketMode;
    }

    /**
     * The Slack front end for {@code settings}; empty when Slack is not configured (null settings).
     * Socket Mode starts connecting in the background when an app token is set.
     */
    public static Optional<SlackFrontEnd> create(
            SlackSettings settings, BotEngine engine, UserDirectory directory) {
        return create(settings, engine, directory, ReportFiles.NONE);
    }

    /**
     * As {@link #create(SlackSettings, BotEngine, UserDirectory)}; scheduled reports rendered by
     * {@code reports} are uploaded by the alert channel.
     */
    public static Optional<SlackFrontEnd> create(
            SlackSettings settings,
            BotEngine engine,
            UserDirectory directory,
            ReportFiles reports) {
        if (settings == null) {
            return Optional.empty();
        }
        Slack slack = SlackBot.slack(settings);
        SlackUsers users = SlackBot.users(settings, slack, directory);
        SlackBot bot = new SlackBot(settings, engine, users, slack);
        SlackAlertChannel channel =
                new SlackAlertChannel(slack.methods(settings.botToken()), users, settings, reports);
        SlackSocketMode socket =
                settings.socketMode()
                        ? SlackSocketMode.start(settings.appToken(), bot.app())
                        : null;
        LOG.info("Slack bot enabled: {}", settings);
        return Optional.of(new SlackFrontEnd(bot, channel, socket));
    }

    /** Routes {@code POST /slack/events} (slash commands, interactivity, events). */
    public void mount(Router router) {
        router.post(SlackHttpEndpoint.PATH)
                .handler(SlackHttpEndpoint.bodyHandler())
                .handler(new SlackHttpEndpoint(bot.app()));
    }

    /** The notifier's {@code slack} push channel. */
    public Channel alertChannel() {
        return alertChannel;
    }

    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
        bot.close();
    }
}
