package dev.pulse.bot.teams;

import dev.pulse.bot.core.BotEngine;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.ReportFiles;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Optional;

/**
 * Pulse on Microsoft Teams: the outgoing-webhook endpoint for commands (when a secret is set) and
 * the {@code teams} alert channel (when webhooks are set).
 */
public final class TeamsFrontEnd {
    private final TeamsSettings settings;
    private final TeamsWebhookEndpoint endpoint;
    private final TeamsAlertChannel alertChannel;
    private final TeamsFiles files;

    private TeamsFrontEnd(
            TeamsSettings settings, BotEngine engine, Clock clock, ReportFiles reports) {
        this.settings = settings;
        this.files = new TeamsFiles(settings.linkBaseUrl(), clock);
        this.endpoint =
                settings.acceptsCommands()
                        ? new TeamsWebhookEndpoint(
                                settings, engine, new AdaptiveCardRenderer(false), clock, files)
                        : null;
        this.alertChannel =
                new TeamsAlertChannel(settings, new AdaptiveCardRenderer(false), clock)
                        .withReports(reports, files);
    }

    /** Teams, or empty when neither an outgoing-webhook secret nor a webhook is configured. */
    public static Optional<TeamsFrontEnd> create(TeamsSettings settings, BotEngine engine) {
        return create(settings, engine, ReportFiles.NONE);
    }

    /** As {@link #create(TeamsSettings, BotEngine)}, with the renderer of scheduled reports. */
    public static Optional<TeamsFrontEnd> create(
            TeamsSettings settings, BotEngine engine, ReportFiles reports) {
        return create(settings, engine, Clock.systemUTC(), reports);
    }

    static Optional<TeamsFrontEnd> create(TeamsSettings settings, BotEngine engine, Clock clock) {
        return create(settings, engine, clock, ReportFiles.NONE);
    }

    static Optional<TeamsFrontEnd> create(
            TeamsSettings settings, BotEngine engine, Clock clock, ReportFiles reports) {
        if (settings == null || !settings.configured()) {
            return Optional.empty();
        }
        return Optional.of(new TeamsFrontEnd(settings, engine, clock, reports));
    }

    /**
     * Mounts {@code POST /teams/messages} when the outgoing webhook is configured, and the signed
     * download links of reports ({@code GET /teams/files/…}).
     */
    public void mount(Router router) {
        if (endpoint != null) {
            endpoint.mount(router);
        }
        files.mount(router);
    }

    /** Whether commands are taken (an outgoing-webhook secret is set). */
    public boolean acceptsCommands() {
        return endpoint != null;
    }

    /** The {@code teams} push channel; fails deliveries permanently when no webhook fits. */
    public Channel alertChannel() {
        return alertChannel;
    }

    public TeamsSettings settings() {
        return settings;
    }
}
