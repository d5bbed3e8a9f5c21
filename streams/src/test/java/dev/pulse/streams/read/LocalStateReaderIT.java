package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertKind;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.risk.RiskAssessment;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.serde.HealthScoreSerde;
import dev.pulse.topologies.topic.PulseStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads against a real Kafka Streams instance whose stores are built as the pipeline builds them
 * (scores: plain RocksDB key-value store, caching on, binary values; alerts: a key-value store
 * keyed {@code tenant/rule}; alert history: a window store keeping duplicates), over several
 * partitions.
 */
@ExtendWith(SharedKafkaBroker.class)
class LocalStateReaderIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final HealthScoreSerde SERDE = new HealthScoreSerde();
    private static final JsonSerde<Account> ACCOUNT_SERDE = JsonSerde.of(Account.class);
    private static final JsonSerde<Alert> ALERT_SERDE = JsonSerde.of(Alert.class);
    private static final int PARTITIONS = 3;

    @TempDir Path stateDir;

    private String topic;
    private String accountsTopic;
    private String historyTopic;
    private String engagementTopic;
    private KafkaStreams streams;
    private KafkaProducer<String, byte[]> producer;
    private LocalStateReader reader;
    private String applicationId;

    @BeforeEach
    void start() throws Exception {
        topic = "scores-" + UUID.randomUUID();
        accountsTopic = "accounts-" + UUID.randomUUID();
        historyTopic = "alert-history-" + UUID.randomUUID();
        engagementTopic = "engagement-" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, PARTITIONS, (short) 1),
                                    new NewTopic(historyTopic, PARTITIONS, (short) 1),
                                    new NewTopic(engagementTopic, PARTITIONS, (short) 1),
                                    new NewTopic(accountsTopic, 1, (short) 1)))
                    .all()
                    .get();
        }
        applicationId = "reader-it-" + UUID.randomUUID();
        startStreams();
        producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafkaBroker.bootstrapServers()),
                        new StringSerializer(),
                        Serdes.ByteArray().serializer());
    }

    /** Starts (or restarts) the application on {@link #stateDir} and waits for key metadata. */
    private void startStreams() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        // The account directory as the pipeline keeps it: a global table (a timestamped store).
        builder.globalTable(
                accountsTopic,
                Consumed.with(Serdes.String(), ACCOUNT_SERDE),
                Materialized.<String, Account, KeyValueStore<Bytes, byte[]>>as(
                        PulseStores.ACCOUNTS));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(PulseStores.HEALTH_SCORES),
                                Serdes.String(),
                                SERDE)
                        .withCachingEnabled());
        builder.stream(topic, Consumed.with(Serdes.String(), SERDE))
                .process(StoreScore::new, PulseStores.HEALTH_SCORES);
        builder.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                PulseStores.ALERT_HISTORY,
                                Duration.ofDays(730),
                                Duration.ofMillis(1),
                                true),
                        Serdes.String(),
                        ALERT_SERDE));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PulseStores.ALERTS),
                        Serdes.String(),
                        ALERT_SERDE));
        builder.stream(historyTopic, Consumed.with(Serdes.String(), ALERT_SERDE))
                .process(AppendHistory::new, PulseStores.ALERT_HISTORY, PulseStores.ALERTS);
        builder.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                PulseStores.ENGAGEMENT_DAILY,
                                Duration.ofDays(400),
                                Duration.ofDays(1),
                                false),
                        Serdes.String(),
                        new EngagementBucketSerde()));
        builder.stream(engagementTopic, Consumed.with(Serdes.String(), new EngagementBucketSerde()))
                .process(StoreDay::new, PulseStores.ENGAGEMENT_DAILY);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // Pulse always names its own endpoint; without one Kafka Streams shares no key metadata.
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:8080");
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        streams = new KafkaStreams(builder.build(), props);
        streams.start();
        await().atMost(DEADLINE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        reader = new LocalStateReader(streams);
        // Ownership metadata follows the first assignment by a moment.
        await().atMost(DEADLINE)
                .ignoreException(StateUnavailableException.class)
                .until(() -> reader.currentScores(List.of("warm-up")).isEmpty());
    }

    @AfterEach
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    @Test
    void readsEachTenantsScoreFromItsPartitionAndSeesEveryUpdate() {
        List<String> tenants = IntStream.range(0, 12).mapToObj(i -> "tenant-" + i).toList();
        tenants.forEach(t -> send(score(t, 50)));
        List<String> asked = new ArrayList<>(tenants);
        asked.add(3, "no-such-tenant");

        await().atMost(DEADLINE).until(() -> reader.currentScores(asked).size() == 12);
        Map<String, HealthScore> first = reader.currentScores(asked);

        assertThat(first.keySet()).containsExactlyElementsOf(tenants);
        tenants.forEach(t -> assertThat(first.get(t)).isEqualTo(score(t, 50)));
        assertThat(reader.currentScore("no-such-tenant")).isEmpty();

        send(score("tenant-7", 21));
        await().atMost(DEADLINE)
                .until(() -> reader.currentScore("tenant-7").orElseThrow().score() == 21);
        Map<String, HealthScore> second = reader.currentScores(asked);

        assertThat(second.get("tenant-7")).isEqualTo(score("tenant-7", 21));
        assertThat(second.get("tenant-6")).isEqualTo(score("tenant-6", 50));
    }

    @Test
    void readsEveryFieldOfAStoredScoreAgainAfterARestart() throws Exception {
        send(score("tenant-a", 64));
        await().atMost(DEADLINE).until(() -> reader.currentScore("tenant-a").isPresent());

        assertThat(reader.currentScore("tenant-a"))
                .as("every field survives, the at-risk decision too")
                .contains(score("tenant-a", 64));

        // Leaving the group lets the restarted instance take the partitions over at once.
        streams.close(
                CloseOptions.groupMembershipOperation(
                                CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
        startStreams(); // same application and state directory: the stored bytes are read again
        await().atMost(DEADLINE)
                .ignoreException(StateUnavailableException.class)
                .until(() -> reader.currentScore("tenant-a").isPresent());

        assertThat(reader.currentScore("tenant-a")).contains(score("tenant-a", 64));
    }

    @Test
    void readsOneAlertByItsKey() {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Alert firing = alert("tenant-k", "usage-drop", AlertState.FIRING);
        send(firing, day);
        send(alert("tenant-k", "gone-silent", AlertState.PENDING), day);
        send(alert("tenant-k2", "usage-drop", AlertState.PENDING), day);

        await().atMost(DEADLINE).until(() -> reader.alerts("tenant-k").size() == 2);

        assertThat(reader.alert("tenant-k", "usage-drop")).contains(firing);
        assertThat(reader.alert("tenant-k", "gone-silent").orElseThrow().state())
                .isEqualTo(AlertState.PENDING);
        assertThat(reader.alert("tenant-k", "never-fired")).isEmpty();
        assertThat(reader.alert("tenant-k2", "gone-silent")).isEmpty();
    }

    @Test
    void readsAccountsFromTheGlobalDirectoryAndSeesEveryUpdate() {
        send(account("tenant-b", "ann@example.com"));
        await().atMost(DEADLINE).until(() -> reader.account("tenant-b").isPresent());

        Account once = reader.account("tenant-b").orElseThrow();
        assertThat(once).isEqualTo(account("tenant-b", "ann@example.com"));
        assertThat(reader.account("no-such-tenant")).isEmpty();

        send(account("tenant-b", "bob@example.com"));
        await().atMost(DEADLINE)
                .until(
                        () ->
                                reader.account("tenant-b")
                                        .orElseThrow()
                                        .owner()
                                        .equals("bob@example.com"));
    }

    @Test
    void readsOneTenantsAlertHistoryInTimeOrderKeepingChangesAtTheSameInstant() {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        send(alert("tenant-h", "usage-drop", AlertState.PENDING), day.minus(Duration.ofDays(1)));
        send(alert("tenant-h", "usage-drop", AlertState.FIRING), day);
        send(alert("tenant-h", "gone-silent", AlertState.FIRING), day);
        send(alert("tenant-i", "gone-silent", AlertState.FIRING), day);
        send(alert("tenant-h", "usage-drop", AlertState.RESOLVED), day.plus(Duration.ofDays(2)));
        Instant to = day.plus(Duration.ofDays(3));

        await().atMost(DEADLINE).until(() -> reader.alertHistory("tenant-h", day, to).size() == 3);

        assertThat(reader.alertHistory("tenant-h", day, to))
                .extracting(AlertTransition::ruleId, AlertTransition::state, AlertTransition::at)
                .containsExactly(
                        tuple("usage-drop", AlertState.FIRING, day),
                        tuple("gone-silent", AlertState.FIRING, day),
                        tuple("usage-drop", AlertState.RESOLVED, day.plus(Duration.ofDays(2))));
        assertThat(reader.alertHistory("tenant-h", day, day.plus(Duration.ofDays(2))))
                .as("to is exclusive")
                .hasSize(2);
        assertThat(reader.alertHistory("tenant-h", to, day)).isEmpty();
        assertThat(reader.alertHistory("no-such-tenant", day, to)).isEmpty();
    }

    @Test
    void totalsTheLastWeekAndMonthFromOneFetchAsEachRangeAlone() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant now = Instant.now();
        send("tenant-e", today.minus(Duration.ofDays(40)), day(1, "login", "old"));
        send("tenant-e", today.minus(Duration.ofDays(20)), day(2, "login", "ann", "bob"));
        send("tenant-e", today.minus(Duration.ofDays(6)), day(3, "api_call", "bob"));
        send("tenant-e", today, day(4, "login", "cyd"));
        List<Instant> froms =
                List.of(today.minus(Duration.ofDays(6)), today.minus(Duration.ofDays(29)));

        await().atMost(DEADLINE)
                .until(() -> reader.engagementTotals("tenant-e", froms.get(1), now).events() == 9);

        List<EngagementTotals> both = reader.engagementTotalsSince("tenant-e", froms, now);
        assertThat(both)
                .containsExactly(
                        reader.engagementTotals("tenant-e", froms.get(0), now),
                        reader.engagementTotals("tenant-e", froms.get(1), now));
        assertThat(both.get(0))
                .isEqualTo(
                        new EngagementTotals(
                                7, 2, 2, Map.of("api_call", 3L, "login", 4L), Map.of()));
        assertThat(both.get(1).events()).isEqualTo(9);
        assertThat(both.get(1).activeUsers()).as("bob counted once").isEqualTo(3);
        assertThat(both.get(1).activeDays()).isEqualTo(3);
        assertThat(reader.engagementTotalsSince("tenant-e", List.of(now, today), today))
                .as("empty ranges")
                .extracting(EngagementTotals::events)
                .containsExactly(0L, 0L);
    }

    /** A day's bucket: {@code events} events of one type by the given users. */
    private static EngagementBucket day(int events, String type, String... users) {
        EngagementBucket bucket = new EngagementBucket();
        for (int i = 0; i < events; i++) {
            String user = users[i % users.length];
            bucket.add(new UsageEvent("e" + i, "tenant-e", user, type, null, Instant.EPOCH, null));
        }
        return bucket;
    }

    private void send(String tenant, Instant day, EngagementBucket bucket) {
        try {
            producer.send(
                            new ProducerRecord<>(
                                    engagementTopic,
                                    null,
                                    day.toEpochMilli(),
                                    tenant,
                                    EngagementBucketSerde.toBytes(bucket)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void send(Alert alert, Instant at) {
        try {
            producer.send(
                            new ProducerRecord<>(
                                    historyTopic,
                                    null,
                                    at.toEpochMilli(),
                                    alert.tenantId(),
                                    ALERT_SERDE.toBytes(alert)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Alert alert(String tenant, String rule, AlertState state) {
        Instant seen = Instant.now().minus(Duration.ofDays(5));
        return new Alert(
                Alert.id(tenant, rule),
                tenant,
                rule,
                AlertKind.SILENCE,
                Severity.CRITICAL,
                state,
                seen,
                state == AlertState.PENDING ? null : seen,
                state == AlertState.RESOLVED ? seen : null,
                "a sentence",
                "ann@example.com",
                Alert.link(tenant),
                null,
                seen,
                "v1",
                null,
                null,
                null,
                false); // not replayed, as JSON reads it back
    }

    private void send(Account account) {
        try {
            producer.send(
                            new ProducerRecord<>(
                                    accountsTopic,
                                    account.tenantId(),
                                    ACCOUNT_SERDE.toBytes(account)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Account account(String tenant, String owner) {
        return new Account(
                tenant,
                "Acme " + tenant,
                owner,
                "emea",
                "pro",
                60L,
                12_000.0,
                java.time.LocalDate.parse("2027-03-31"),
                "mid-market");
    }

    private void send(HealthScore score) {
        try {
            producer.send(new ProducerRecord<>(topic, score.tenantId(), SERDE.toBytes(score)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HealthScore score(String tenant, double value) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new HealthScore(
                tenant,
                value,
                value >= 70 ? Band.HEALTHY : value >= 40 ? Band.NEUTRAL : Band.AT_RISK,
                "v1",
                at,
                -3.0,
                null,
                List.of(
                        new Contribution(
                                "utilisation", "Seat use", 0.5, 50.0, 0.4, 20.0, "half the seats")),
                "utilisation",
                at.minus(Duration.ofDays(3)),
                at,
                new RiskAssessment(
                        LocalDate.parse("2026-11-19"),
                        value < 40,
                        value < 40,
                        false,
                        false,
                        null,
                        null,
                        "score " + value,
                        null,
                        null,
                        null));
    }

    /**
     * Keeps each alert under {@code tenant/rule} and appends it to the history at its record time,
     * as the alert processors do.
     */
    private static final class AppendHistory implements Processor<String, Alert, Void, Void> {
        private WindowStore<String, Alert> history;
        private KeyValueStore<String, Alert> alerts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            history = context.getStateStore(PulseStores.ALERT_HISTORY);
            alerts = context.getStateStore(PulseStores.ALERTS);
        }

        @Override
        public void process(Record<String, Alert> record) {
            history.put(record.key(), record.value(), record.timestamp());
            alerts.put(record.value().id(), record.value());
        }
    }

    /** Keeps each day's bucket at its record time, the start of its day. */
    private static final class StoreDay implements Processor<String, EngagementBucket, Void, Void> {
        private WindowStore<String, EngagementBucket> days;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            days = context.getStateStore(PulseStores.ENGAGEMENT_DAILY);
        }

        @Override
        public void process(Record<String, EngagementBucket> record) {
            days.put(record.key(), record.value(), record.timestamp());
        }
    }

    /** Keeps the latest score per tenant, as the pipeline's score processor does. */
    private static final class StoreScore implements Processor<String, HealthScore, Void, Void> {
        private KeyValueStore<String, HealthScore> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(PulseStores.HEALTH_SCORES);
        }

        @Override
        public void process(Record<String, HealthScore> record) {
            store.put(record.key(), record.value());
        }
    }
}
