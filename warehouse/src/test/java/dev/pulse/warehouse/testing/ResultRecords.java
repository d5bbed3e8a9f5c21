package dev.pulse.warehouse.testing;

import dev.pulse.streams.runtime.KafkaTopics;
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
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.serde.HealthScoreSerde;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.warehouse.sink.WarehouseSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes what Pulse's topology writes, transactionally as Kafka Streams does under exactly-once:
 * daily engagement and daily scores as their store changelogs carry them (window keys), alerts as
 * {@code pulse.alerts.v1} carries them.
 */
public final class ResultRecords implements AutoCloseable {
    static final JsonSerde<Alert> ALERT_JSON = JsonSerde.of(Alert.class);
    static final JsonSerde<Account> ACCOUNT_JSON = JsonSerde.of(Account.class);
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private final String applicationId;
    private final KafkaProducer<byte[], byte[]> producer;

    public ResultRecords(String bootstrapServers, String applicationId) {
        this.applicationId = applicationId;
        List<NewTopic> topics = new ArrayList<>();
        for (String store :
                List.of(
                        PulseStores.ENGAGEMENT_DAILY,
                        PulseStores.HEALTH_SCORE_DAILY,
                        PulseStores.FOLLOW_UPS)) {
            topics.add(new NewTopic(WarehouseSink.changelog(applicationId, store), 2, (short) 1));
        }
        for (String topic : List.of("pulse.alerts.v1", "pulse.accounts.v1", "pulse.audit.v1")) {
            topics.add(new NewTopic(topic, 2, (short) 1));
        }
        KafkaTopics.ensure(bootstrapServers, topics);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "results-" + UUID.randomUUID());
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** {@code days} days of engagement for {@code tenant}, {@code eventsPerDay} events each. */
    public void engagement(String tenant, int days, int eventsPerDay, boolean commit) {
        producer.beginTransaction();
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            EngagementBucket bucket = new EngagementBucket();
            for (int i = 0; i < eventsPerDay; i++) {
                bucket.add(
                        new UsageEvent(
                                "e" + i,
                                tenant,
                                "u" + (i % 5),
                                "login",
                                null,
                                start.plusSeconds(i),
                                null));
            }
            producer.send(
                    new ProducerRecord<>(
                            WarehouseSink.changelog(applicationId, PulseStores.ENGAGEMENT_DAILY),
                            windowKey(tenant, start),
                            EngagementBucketSerde.toBytes(bucket)));
            HealthScore score =
                    new HealthScore(
                            tenant,
                            50 + d,
                            Band.NEUTRAL,
                            "v-test",
                            start.plusSeconds(86_399),
                            null,
                            null,
                            List.of(
                                    new Contribution(
                                            "frequency", "Frequency", 5.0, 60.0, 1.0, 60.0, "ok")),
                            "frequency",
                            start,
                            start,
                            null);
            producer.send(
                    new ProducerRecord<>(
                            WarehouseSink.changelog(applicationId, PulseStores.HEALTH_SCORE_DAILY),
                            windowKey(tenant, start),
                            HealthScoreSerde.toBytes(score)));
        }
        finish(commit);
    }

    /** {@code count} changes of one alert of {@code tenant}. */
    public void alertChanges(String tenant, int count, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            Instant at = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(i);
            Alert alert =
                    new Alert(
                            tenant + "/silence",
                            tenant,
                            "silence",
                            AlertKind.SILENCE,
                            Severity.WARNING,
                            i % 2 == 0 ? AlertState.FIRING : AlertState.RESOLVED,
                            at,
                            at,
                            null,
                            "change " + i,
                            "sarah@example.com",
                            null,
                            null,
                            at,
                            "1",
                            null,
                            null,
                            null,
                            false);
            producer.send(
                    new ProducerRecord<>(
                            "pulse.alerts.v1",
                            tenant.getBytes(StandardCharsets.UTF_8),
                            ALERT_JSON.toBytes(alert)));
        }
        finish(commit);
    }

    /**
     * {@code tenant}'s directory record with {@code owner}, then its removal when asked, committed.
     */
    public void account(String tenant, String owner, boolean thenRemoved) {
        producer.beginTransaction();
        byte[] key = tenant.getBytes(StandardCharsets.UTF_8);
        Account account = new Account(tenant, "Name", owner, null, null, 5L, null, null, null);
        producer.send(
                new ProducerRecord<>("pulse.accounts.v1", key, ACCOUNT_JSON.toBytes(account)));
        if (thenRemoved) {
            producer.send(new ProducerRecord<>("pulse.accounts.v1", key, null));
        }
        finish(true);
    }

    private void finish(boolean commit) {
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** A window-store changelog key: the key, the window start, a sequence number. */
    public static byte[] windowKey(String key, Instant start) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(k.length + 12)
                .put(k)
                .putLong(start.toEpochMilli())
                .putInt(0)
                .array();
    }

    @Override
    public void close() {
        producer.close();
    }
}
