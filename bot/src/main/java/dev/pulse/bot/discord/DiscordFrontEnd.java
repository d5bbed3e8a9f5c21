package dev.pulse.bot.discord;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.ReportFiles;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulse on Discord: a JDA gateway connection with no privileged intents (slash commands and buttons
 * need none), the {@code /pulse} command, and the {@code discord} alert channel.
 */
public final class DiscordFrontEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordFrontEnd.class);

    private final JDA jda;
    private final ExecutorService executor;
    private final DiscordBot bot;
    private final DiscordAlertChannel alertChannel;

    private DiscordFrontEnd(
            JDA jda, ExecutorService executor, DiscordBot bot, DiscordAlertChannel channel) {
        this.jda = jda;
        this.executor = executor;
        this.bot = bot;
        this.alertChannel = channel;
    }

    /**
     * Connects to Discord, or empty when no token is configured or the connection cannot start
     * (logged in one line; Pulse runs on without Discord).
     */
    public static Optional<DiscordFrontEnd> create(
            DiscordSettings settings, BotEngine engine, UserDirectory directory) {
        return create(settings, engine, directory, ReportFiles.NONE);
    }

    /** As {@link #create(DiscordSettings, BotEngine, UserDirectory)}, with scheduled reports. */
    public static Optional<DiscordFrontEnd> create(
            DiscordSettings settings,
            BotEngine engine,
            UserDirectory directory,
            ReportFiles reports) {
        if (settings == null || !settings.configured()) {
            return Optional.empty();
        }
        DiscordRenderer renderer = new DiscordRenderer();
        ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
        DiscordBot bot =
                new DiscordBot(
                        new DiscordInteractions(engine, renderer), settings.guild(), executor);
        JDA jda;
        try {
            jda =
                    JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                            .addEventListeners(bot)
                            .build();
        } catch (RuntimeException e) {
            LOG.error(
                    "Discord not started (check bot.discord.token): {}: {}",
                    e.getClass().getSimpleName(),
                    e.getMessage());
            executor.shutdownNow();
            return Optional.empty();
        }
        DiscordAlertChannel channel =
                new DiscordAlertChannel(
                                directory,
                                renderer,
                                DiscordAlertChannel.viaJda(jda),
                                settings.linkBaseUrl(),
                                DiscordAlertChannel.SEND_TIMEOUT)
                        .withReports(reports);
        return Optional.of(new DiscordFrontEnd(jda, executor, bot, channel));
    }

    /** The {@code discord} push channel (direct messages). */
    public Channel alertChannel() {
        return alertChannel;
    }

    JDA jda() {
        return jda;
    }

    DiscordBot bot() {
        return bot;
    }

    /** Disconnects from Discord and stops answering. */
    @Override
    public void close() {
        jda.shutdown();
        executor.shutdown();
        try {
            if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
                jda.shutdownNow();
            }
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "pulse-discord-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
