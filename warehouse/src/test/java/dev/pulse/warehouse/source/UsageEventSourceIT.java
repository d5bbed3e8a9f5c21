package dev.pulse.warehouse.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.testing.LocalPostgres;
import dev.pulse.warehouse.testing.TopicContents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafkaBroker.class)
class UsageEventSourceIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "src-" + id;
    private Vertx vertx;
    private Pool pool;
    private WarehouseSettings.EventSource settings;
    private final WarehouseHealth health = new WarehouseHealth(Clock.systemUTC());

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        pool = new WarehouseConnection(pg.settings()).pool(vertx);
        // As Pulse creates them: the rows' event times are months old, and a usage-events topic
        // with create-time retention (the broker's default) deleted the first batches' segments
        // before the test read them back.
        PulseTopicsAdmin.ensureTopics(SharedKafkaBroker.connection(), 2);
        SourceCursors.ensureTopic(SharedKafkaBroker.connection());
        // A warehouse team's table: its own names, a commit timestamp as a second cursor candidate.
        pg.sql(
                "CREATE TABLE product_events (id bigserial PRIMARY KEY, event_uuid text NOT NULL,"
                    + " account text NOT NULL, user_email text, kind text NOT NULL, feature_name"
                    + " text, occurred_at timestamptz NOT NULL, extra jsonb)");
        settings =
                new WarehouseSettings.EventSource(
                        "events-" + id,
                        "product_events",
                        "id",
                        Map.of(
                                "eventId", "event_uuid",
                                "tenantId", "account",
                                "userId", "user_email",
                                "type", "kind",
                                "feature", "feature_name",
                                "timestamp", "occurred_at",
                                "properties", "extra"),
                        Duration.ofMillis(50),
                        37);
    }

    @AfterEach
    void tearDown() {
        pool.close().await();
        vertx.close().await();
    }

    private UsageEventSource startSource() {
        return startSource(SourceLease.MAX_POLL_INTERVAL);
    }

    private UsageEventSource startSource(Duration leaseMaxPollInterval) {
        return new UsageEventSource(
                        SharedKafkaBroker.connection(),
                        settings,
                        pool,
                        new SimpleMeterRegistry(),
                        health,
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)),
                        leaseMaxPollInterval)
                .start();
    }

    @Test
    void aRestartMidStreamPublishesEveryRowOnce() {
        insertEvents(0, 600);
        try (UsageEventSource source = startSource()) {
            // Stop while rows are still unread: the restart must resume exactly after the cursor.
            await().atMost(DEADLINE).until(() -> source.cursor() != null);
        }
        insertEvents(600, 400);
        try (UsageEventSource source = startSource()) {
            await().atMost(DEADLINE).until(() -> "1000".equals(source.cursor()));
        }

        List<String> published = publishedEventIds();
        assertThat(published).hasSize(1000).doesNotHaveDuplicates();
        assertThat(md5(published.stream().sorted().toList()))
                .isEqualTo(
                        pg.queryString(
                                "SELECT md5(string_agg(event_uuid, ',' ORDER BY event_uuid)) FROM"
                                        + " product_events"));
    }

    @Test
    void ofTwoInstancesOneReadsAndTheOtherTakesOverWhenItStops() {
        insertEvents(0, 600);
        UsageEventSource a = startSource();
        UsageEventSource b = startSource();
        try {
            await().atMost(DEADLINE).until(() -> a.cursor() != null || b.cursor() != null);
            UsageEventSource runner = a.cursor() != null ? a : b;
            UsageEventSource standby = runner == a ? b : a;
            assertThat(standby.cursor()).isNull();

            runner.close();
            insertEvents(600, 400);
            await().atMost(DEADLINE).until(() -> "1000".equals(standby.cursor()));
        } finally {
            a.close();
            b.close();
        }

        List<String> published = publishedEventIds();
        assertThat(published).hasSize(1000).doesNotHaveDuplicates();
    }

    @Test
    void aPollIntervalLongerThanTheLeasesPollIntervalKeepsTheSourceWhereItRuns() {
        // A table read every 8 s, while the group hands a partition on after 4 s without a poll
        // (slack for a loaded CI machine: the runner polls every 1.3 s while it waits).
        settings =
                new WarehouseSettings.EventSource(
                        settings.name(),
                        settings.table(),
                        settings.cursorColumn(),
                        settings.columns(),
                        Duration.ofSeconds(8),
                        settings.batchSize());
        Duration leasePollInterval = Duration.ofSeconds(4);
        insertEvents(0, 10);
        UsageEventSource runner = startSource(leasePollInterval);
        UsageEventSource standby = null;
        try {
            await().atMost(DEADLINE).until(() -> "10".equals(runner.cursor()));
            standby = startSource(leasePollInterval);
            insertEvents(10, 10);
            await().atMost(DEADLINE).until(() -> "20".equals(runner.cursor()));
            insertEvents(20, 10);
            await().atMost(DEADLINE).until(() -> "30".equals(runner.cursor()));

            assertThat(standby.cursor()).as("the standby never ran the source").isNull();
        } finally {
            runner.close();
            if (standby != null) {
                standby.close();
            }
        }
        assertThat(publishedEventIds()).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void resumesExactlyAfterTheDatabaseRefusedConnectionsMidStream() {
        insertEvents(0, 400);
        try (UsageEventSource source = startSource()) {
            await().atMost(DEADLINE).until(() -> source.cursor() != null);
            pg.refuseConnections(true);
            await().atMost(DEADLINE).until(() -> !health.up());
            String during = source.cursor();

            pg.refuseConnections(false);
            insertEvents(400, 100);
            await().atMost(DEADLINE).until(() -> "500".equals(source.cursor()));
            assertThat(Long.parseLong(during)).isLessThan(500);
        }

        List<String> published = publishedEventIds();
        assertThat(published).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void publishesEventsAsPulseReadsThem() throws IOException {
        insertEvents(0, 1);
        try (UsageEventSource source = startSource()) {
            await().atMost(DEADLINE).until(() -> "1".equals(source.cursor()));
        }
        JsonNode event =
                PulseJson.mapper()
                        .readTree(
                                TopicContents.read(
                                                SharedKafkaBroker.bootstrapServers(),
                                                PulseTopics.USAGE_EVENTS.name())
                                        .stream()
                                        .filter(r -> tenant.equals(r.key()))
                                        .findFirst()
                                        .orElseThrow()
                                        .value());
        assertThat(event.get("eventId").asText()).isEqualTo(tenant + "-0");
        assertThat(event.get("tenantId").asText()).isEqualTo(tenant);
        assertThat(event.get("type").asText()).isEqualTo("feature_used");
        assertThat(event.get("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(event.get("properties").get("plan").asText()).isEqualTo("pro");
    }

    private void insertEvents(int from, int count) {
        pg.sql(
                "INSERT INTO product_events (event_uuid, account, user_email, kind, feature_name,"
                        + " occurred_at, extra) SELECT '"
                        + tenant
                        + "-' || g, '"
                        + tenant
                        + "', 'u' || (g % 7) || '@example.com', 'feature_used', 'reports',"
                        + " timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute',"
                        + " '{\"plan\":\"pro\"}' FROM generate_series("
                        + from
                        + ", "
                        + (from + count - 1)
                        + ") g ORDER BY g");
    }

    private List<String> publishedEventIds() {
        return TopicContents.read(
                        SharedKafkaBroker.bootstrapServers(), PulseTopics.USAGE_EVENTS.name())
                .stream()
                .filter(r -> tenant.equals(r.key()))
                .map(
                        r -> {
                            try {
                                return PulseJson.mapper()
                                        .readTree(r.value())
                                        .get("eventId")
                                        .asText();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .toList();
    }

    private static String md5(List<String> ids) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5")
                            .digest(String.join(",", ids).getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
