package dev.pulse.app;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.notify.Notifier;
import dev.pulse.notify.NotifierSettings;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.EmailChannel;
import dev.pulse.notify.channel.EmailSettings;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.QuietHours;
import dev.pulse.notify.outbox.RetryPolicy;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.notify.route.ConsoleAlertPrinter;
import dev.pulse.topologies.alert.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the notifier from the {@code notifier} section of the configuration. */
final class NotifierFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierFactory.class);

    private NotifierFactory() {}

    static Notifier create(
            PulseConfig config,
            UserDirectory users,
            MeterRegistry registry,
            int apiPort,
            List<Channel> chatChannels,
            ReportFiles reportFiles) {
        PulseConfig.Notifier n = config.notifier();
        String linkBase = linkBase(config, apiPort);
        List<Channel> channels = new ArrayList<>();
        if (n.email().configured()) {
            PulseConfig.Email e = n.email();
            channels.add(
                    new EmailChannel(
                            new EmailSettings(
                                    e.host(),
                                    e.port(),
                                    EmailSettings.Security.fromLabel(e.security()),
                                    e.username(),
                                    e.password(),
                                    e.from(),
                                    linkBase,
                                    e.timeout()),
                            reportFiles));
            LOG.info("E-mail alerts go through {}:{} ({})", e.host(), e.port(), e.security());
        } else {
            LOG.info(
                    "No SMTP server configured (notifier.email.host): alerts go to the in-app"
                            + " feed{} only",
                    n.console() ? " and the console" : "");
        }
        channels.addAll(chatChannels);
        NotifierSettings settings =
                new NotifierSettings(
                        defaults(n.defaults()),
                        n.remindEvery(),
                        n.reminderCheck(),
                        n.dispatchInterval(),
                        new RetryPolicy(n.retryInitial(), n.retryMax(), n.retryJitter()),
                        n.channelQueue());
        AlertConsole console = n.console() ? new ConsoleAlertPrinter(System.out) : AlertConsole.OFF;
        return new Notifier(users, settings, channels, console, registry);
    }

    /** Where links in messages point: {@code notifier.linkBaseUrl}, else this instance's API. */
    static String linkBase(PulseConfig config, int apiPort) {
        String configured = config.notifier().linkBaseUrl();
        return configured.isBlank()
                ? "http://" + config.api().advertisedHost() + ":" + apiPort
                : configured;
    }

    static NotificationPreferences defaults(PulseConfig.NotifyDefaults d) {
        Set<Severity> severities =
                split(d.severities()).stream().map(Severity::fromLabel).collect(Collectors.toSet());
        String start = d.quietHoursStart();
        String end = d.quietHoursEnd();
        QuietHours quiet =
                start.isBlank() && end.isBlank()
                        ? null
                        : new QuietHours(
                                time(start, "notifier.defaults.quietHoursStart"),
                                time(end, "notifier.defaults.quietHoursEnd"));
        return new NotificationPreferences(
                "*",
                severities,
                split(d.channels()),
                quiet,
                d.digest(),
                time(d.digestAt(), "notifier.defaults.digestAt"),
                d.timeZone(),
                null);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalTime time(String value, String key) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    key + " '" + value + "' is not a time of day such as 07:30");
        }
    }
}
