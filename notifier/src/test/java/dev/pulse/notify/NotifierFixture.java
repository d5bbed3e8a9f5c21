package dev.pulse.notify;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.notify.feed.NotificationBus;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.outbox.ChannelWorkers;
import dev.pulse.notify.outbox.RetryPolicy;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/** The notifier's processing on a test driver, with the pipeline's accounts table beside it. */
final class NotifierFixture implements AutoCloseable {
    static final String SARAH = "sarah@x.test";
    static final String DAVID = "david@x.test";
    static final String PRIYA = "priya@x.test";
    static final String NOBODY = "left-the-company@x.test";

    static final UserDirectory USERS =
            UserDirectory.of(
                    List.of(
                            new DirectoryUser(
                                    SARAH, "Sarah", Role.VIEWER, ScopeSpec.OWN, PRIYA, null),
                            new DirectoryUser(
                                    DAVID, "David", Role.VIEWER, ScopeSpec.OWN, PRIYA, null),
                            new DirectoryUser(
                                    PRIYA, "Priya", Role.MANAGER, ScopeSpec.TEAM, null, null)));

    static final NotificationPreferences DEFAULTS =
            new NotificationPreferences(
                    "*",
                    EnumSet.allOf(Severity.class),
                    List.of(NotificationPreferences.IN_APP, "email"),
                    null,
                    false,
                    null,
                    "UTC",
                    null);

    final RecordingChannel email = new RecordingChannel("email");
    final NotificationBus bus = new NotificationBus();
    final List<String> console = new CopyOnWriteArrayList<>();
    final CountingNotifierListener listener = new CountingNotifierListener();
    final TopologyTestDriver driver;
    final TestInputTopic<String, Account> accounts;
    final TestInputTopic<String, Alert> alerts;
    final TestInputTopic<String, NotificationPreferences> preferences;
    final TestOutputTopic<String, Notification> notifications;
    private final ChannelWorkers workers;
    private final Path stateDir;

    /** Fast checks and retries, no jitter. */
    static NotifierSettings settings(
            NotificationPreferences defaults, Duration remindEvery, int channelQueue) {
        return new NotifierSettings(
                defaults,
                remindEvery,
                Duration.ofSeconds(10),
                Duration.ofMillis(100),
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.0),
                channelQueue);
    }

    NotifierFixture(Instant wallClock, Duration remindEvery) {
        try {
            stateDir = Files.createTempDirectory("pulse-notifier-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers = new ChannelWorkers(List.of(email), 100, Clock.systemUTC());
        NotifierSettings settings = settings(DEFAULTS, remindEvery, 100);
        AlertConsole printer =
                (alert, name, reason, recipients) ->
                        console.add(reason.label() + " " + name + " -> " + recipients);
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(
                PulseTopics.ACCOUNTS.name(),
                Consumed.with(PulseTopics.ACCOUNTS.keySerde(), PulseTopics.ACCOUNTS.valueSerde()),
                Materialized.<String, Account, KeyValueStore<Bytes, byte[]>>as(PulseStores.ACCOUNTS)
                        .withKeySerde(PulseTopics.ACCOUNTS.keySerde())
                        .withValueSerde(PulseTopics.ACCOUNTS.valueSerde()));
        new NotifierTopology(USERS, settings, workers, bus, printer, listener).build(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pulse-notifier-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props, wallClock);
        accounts =
                driver.createInputTopic(
                        PulseTopics.ACCOUNTS.name(),
                        PulseTopics.ACCOUNTS.keySerde().serializer(),
                        PulseTopics.ACCOUNTS.valueSerde().serializer());
        alerts =
                driver.createInputTopic(
                        PulseTopics.ALERTS.name(),
                        PulseTopics.ALERTS.keySerde().serializer(),
                        PulseTopics.ALERTS.valueSerde().serializer());
        preferences =
                driver.createInputTopic(
                        NotifierTopics.PREFERENCES.name(),
                        NotifierTopics.PREFERENCES.keySerde().serializer(),
                        NotifierTopics.PREFERENCES.valueSerde().serializer());
        notifications =
                driver.createOutputTopic(
                        NotifierTopics.NOTIFICATIONS.name(),
                        NotifierTopics.NOTIFICATIONS.keySerde().deserializer(),
                        NotifierTopics.NOTIFICATIONS.valueSerde().deserializer());
        accounts.pipeInput("acme", account("acme", "Acme Corp", SARAH));
        accounts.pipeInput("globex", account("globex", "Globex", DAVID));
        accounts.pipeInput("orphan", account("orphan", "Orphan Ltd", NOBODY));
    }

    static Account account(String tenant, String name, String owner) {
        return new Account(tenant, name, owner, null, "pro", 50L, 10_000.0, null, "smb");
    }

    static Alert alert(
            String tenant, AlertState state, Instant firedAt, Instant acked, Instant snoozedUntil) {
        return new Alert(
                Alert.id(tenant, "gone-silent"),
                tenant,
                "gone-silent",
                AlertKind.SILENCE,
                Severity.CRITICAL,
                state,
                firedAt,
                state == AlertState.PENDING ? null : firedAt,
                state == AlertState.RESOLVED ? firedAt.plusSeconds(3600) : null,
                tenant + ": no activity for 8 days",
                null,
                Alert.link(tenant),
                40.0,
                firedAt,
                "test-1",
                acked,
                snoozedUntil,
                acked == null ? null : SARAH,
                null);
    }

    /** Feeds one alert change at {@code at} (its record time is when it changed). */
    void alert(Alert alert, Instant at) {
        alerts.pipeInput(alert.tenantId(), alert, at);
    }

    void advance(Duration d) {
        driver.advanceWallClockTime(d);
    }

    /** The feed store's entries for a person, as the API would read them. */
    List<Notification> feed(String user) {
        KeyValueStore<String, Notification> store = driver.getKeyValueStore(NotifierStores.FEED);
        List<Notification> result = new java.util.ArrayList<>();
        try (var it =
                store.prefixScan(
                        user + "/", new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> result.add(kv.value));
        }
        return result;
    }

    @Override
    public void close() {
        driver.close();
        workers.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir; best effort
        }
    }
}
