package dev.pulse.notify;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.feed.NotificationBus;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.outbox.ChannelWorkers;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier as one instance runs it: its channels' workers, the live feed bus and metrics, and
 * the processing it adds to the Kafka Streams application ({@link #build}).
 */
public final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration FEED_RETENTION = Duration.ofDays(90);

    private final NotifierSettings settings;
    private final ChannelWorkers workers;
    private final NotificationBus bus = new NotificationBus();
    private final NotifierTopology topology;

    public Notifier(
            UserDirectory directory,
            NotifierSettings settings,
            List<Channel> channels,
            AlertConsole console,
            MeterRegistry registry) {
        this.workers = new ChannelWorkers(channels, settings.channelQueue(), Clock.systemUTC());
        this.settings = withRunningChannelsOnly(settings, channels());
        this.topology =
                new NotifierTopology(
                        directory,
                        this.settings,
                        workers,
                        bus,
                        console,
                        new MicrometerNotifierListener(registry, workers.names()));
    }

    /**
     * The default channels name every kind Pulse has; a deployment runs some. People who saved no
     * preferences are addressed on those that run, not counted as undeliverable on the others.
     */
    private static NotifierSettings withRunningChannelsOnly(
            NotifierSettings settings, Set<String> running) {
        NotificationPreferences defaults = settings.defaults();
        NotificationPreferences kept = defaults.keepingChannels(running);
        if (kept.channels().isEmpty()) {
            LOG.warn(
                    "None of the default notification channels {} runs here (running: {}):"
                            + " people without saved preferences are told nothing",
                    defaults.channels(),
                    running);
        } else if (!kept.channels().equals(defaults.channels())) {
            LOG.info(
                    "Default notification channels: {} ({} not configured here)",
                    kept.channels(),
                    defaults.channels().stream().filter(c -> !running.contains(c)).toList());
        }
        return settings.withDefaults(kept);
    }

    /** Creates the notifier's topics if they are missing. */
    public static void ensureTopics(KafkaConnection kafka, int partitions) {
        PulseTopicsAdmin.create(
                kafka,
                List.of(
                        PulseTopicsAdmin.topic(NotifierTopics.NOTIFICATIONS.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.RETENTION_MS_CONFIG,
                                                String.valueOf(FEED_RETENTION.toMillis()))),
                        PulseTopicsAdmin.topic(NotifierTopics.REPORT_RUNS.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.RETENTION_MS_CONFIG,
                                                String.valueOf(Duration.ofDays(7).toMillis()))),
                        PulseTopicsAdmin.topic(NotifierTopics.PREFERENCES.name(), 1)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    public void build(StreamsBuilder builder) {
        topology.build(builder);
    }

    public NotificationBus bus() {
        return bus;
    }

    /** Every channel a person may choose here: the in-app feed and the configured push channels. */
    public Set<String> channels() {
        Set<String> all = new LinkedHashSet<>();
        all.add(NotificationPreferences.IN_APP);
        all.addAll(workers.names());
        return all;
    }

    public NotificationPreferences defaultsFor(String user) {
        return settings.defaultsFor(user);
    }

    @Override
    public void close() {
        workers.close();
    }
}
