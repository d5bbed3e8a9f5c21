package dev.pulse.notify;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.notify.feed.FeedStoreProcessor;
import dev.pulse.notify.feed.NotificationBus;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.notify.outbox.ChannelWorkers;
import dev.pulse.notify.outbox.OutboxProcessor;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.notify.route.AlertRouter;
import dev.pulse.notify.route.NotifyState;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Alerts in, people told. Added to the pipeline's {@link StreamsBuilder} (it reads the pipeline's
 * global {@code accounts} store):
 *
 * <ol>
 *   <li>{@code route-alerts} (keyed by tenant, from {@code pulse.alerts.v1}): addresses each alert
 *       change that matters to the account owner, by scope and preferences, and sends reminders.
 *   <li>Notifications (keyed by e-mail) go to {@code pulse.notifications.v1}, which every instance
 *       reads into the global {@code notification-feed} store (the in-app feed, SSE pushes).
 *   <li>The same notifications, repartitioned by e-mail, enter the {@code notification-outbox} for
 *       the push channels (e-mail, chat), delivered with retries by {@link OutboxProcessor}.
 *   <li>Runs of report schedules ({@code pulse.report-runs.v1}, keyed by e-mail) join them before
 *       the repartition, so they share the outbox's retries and its dedup of notification ids.
 * </ol>
 */
public final class NotifierTopology {
    private final UserDirectory directory;
    private final NotifierSettings settings;
    private final ChannelWorkers channels;
    private final NotificationBus bus;
    private final AlertConsole console;
    private final NotifierListener listener;

    public NotifierTopology(
            UserDirectory directory,
            NotifierSettings settings,
            ChannelWorkers channels,
            NotificationBus bus,
            AlertConsole console,
            NotifierListener listener) {
        this.directory = directory;
        this.settings = settings;
        this.channels = channels;
        this.bus = bus;
        this.console = console;
        this.listener = listener;
    }

    public void build(StreamsBuilder builder) {
        preferences(builder);
        feed(builder);
        KStream<String, Notification> routed = routeAlerts(builder);
        publish(routed);
        deliverPushes(builder, routed);
    }

    /** Global: people's saved preferences, read by routing and delivery. */
    private static void preferences(StreamsBuilder builder) {
        Topic<String, NotificationPreferences> prefs = NotifierTopics.PREFERENCES;
        builder.globalTable(
                prefs.name(),
                Consumed.with(prefs.keySerde(), prefs.valueSerde())
                        .withName("notification-preferences-source"),
                Materialized.<String, NotificationPreferences, KeyValueStore<Bytes, byte[]>>as(
                                NotifierStores.PREFERENCES)
                        .withKeySerde(prefs.keySerde())
                        .withValueSerde(prefs.valueSerde()));
    }

    /** Global: every person's in-app feed, rebuilt from the notifications topic. */
    private void feed(StreamsBuilder builder) {
        Topic<String, Notification> notifications = NotifierTopics.NOTIFICATIONS;
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(NotifierStores.FEED),
                                Serdes.String(),
                                notifications.valueSerde())
                        .withLoggingDisabled(),
                notifications.name(),
                Consumed.with(notifications.keySerde(), notifications.valueSerde())
                        .withName("notification-feed-source"),
                () -> new FeedStoreProcessor(bus, listener));
    }

    private KStream<String, Notification> routeAlerts(StreamsBuilder builder) {
        builder.addStateStore(store(NotifierStores.NOTIFY_STATE, JsonSerde.of(NotifyState.class)));
        Topic<String, Alert> alerts = PulseTopics.ALERTS;
        return builder.stream(
                        alerts.name(),
                        Consumed.with(alerts.keySerde(), alerts.valueSerde())
                                .withName("alerts-source"))
                .process(
                        () ->
                                new AlertRouter(
                                        directory,
                                        settings::defaultsFor,
                                        settings.remindEvery(),
                                        settings.reminderCheck(),
                                        console,
                                        channels.names(),
                                        listener),
                        Named.as("route-alerts"),
                        NotifierStores.NOTIFY_STATE);
    }

    private static void publish(KStream<String, Notification> routed) {
        Topic<String, Notification> notifications = NotifierTopics.NOTIFICATIONS;
        routed.to(
                notifications.name(),
                Produced.with(notifications.keySerde(), notifications.valueSerde())
                        .withName("notifications-sink"));
    }

    /** Notifications for push channels, repartitioned by e-mail into the outbox. */
    private void deliverPushes(StreamsBuilder builder, KStream<String, Notification> routed) {
        builder.addStateStore(store(NotifierStores.OUTBOX, JsonSerde.of(OutboxEntry.class)));
        builder.addStateStore(store(NotifierStores.NOTIFICATION_IDS, Serdes.Long()));
        Topic<String, Notification> notifications = NotifierTopics.NOTIFICATIONS;
        Topic<String, Notification> runs = NotifierTopics.REPORT_RUNS;
        KStream<String, Notification> reportRuns =
                builder.stream(
                        runs.name(),
                        Consumed.with(runs.keySerde(), runs.valueSerde())
                                .withName("report-runs-source"));
        routed.filter((user, n) -> !n.channels().isEmpty(), Named.as("pushed-only"))
                .merge(reportRuns, Named.as("with-report-runs"))
                .repartition(
                        Repartitioned.with(notifications.keySerde(), notifications.valueSerde())
                                .withName("notification-outbox"))
                .process(
                        () ->
                                new OutboxProcessor(
                                        channels,
                                        settings.retry(),
                                        settings.dispatchInterval(),
                                        settings::defaultsFor,
                                        listener),
                        Named.as("outbox"),
                        NotifierStores.OUTBOX,
                        NotifierStores.NOTIFICATION_IDS);
    }

    /** A persistent, changelogged store keyed by string. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
