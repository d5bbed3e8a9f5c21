package dev.pulse.warehouse.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.read.AlertTransition;
import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.streams.read.EngagementTotals;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.schema.WarehouseMigrations;
import dev.pulse.warehouse.sink.WarehouseSink;
import dev.pulse.warehouse.testing.LocalPostgres;
import dev.pulse.warehouse.testing.ResultRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads older than the stores keep: the sink has carried January 2026 into the warehouse; "now" is
 * June 2028, so with two years of daily retention the stores hold nothing of January 2026.
 */
@ExtendWith(SharedKafkaBroker.class)
class HistoryReaderIT {
    private static final Instant NOW = Instant.parse("2028-06-01T12:00:00Z");
    private static final Instant RECENT_DAY = Instant.parse("2028-05-31T00:00:00Z");

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "hist-" + id;
    private Vertx vertx;
    private Pool pool;
    private HistoryReader reader;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        WarehouseConnection connection = new WarehouseConnection(pg.settings());
        new WarehouseMigrations(connection).migrate();
        pool = connection.pool(vertx);
        String app = "histit-" + id;
        try (ResultRecords results = new ResultRecords(SharedKafkaBroker.bootstrapServers(), app);
                WarehouseSink sink =
                        new WarehouseSink(
                                        SharedKafkaBroker.connection(),
                                        WarehouseSettings.Sink.DEFAULT.withApplicationId(app),
                                        pool,
                                        new SimpleMeterRegistry(),
                                        new WarehouseHealth(Clock.systemUTC()),
                                        new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)))
                                .start()) {
            results.engagement(tenant, 31, 4, true);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    pg.queryLong(
                                                    "SELECT count(*) FROM pulse.score_daily WHERE"
                                                            + " tenant_id = '"
                                                            + tenant
                                                            + "'")
                                            == 31);
        }
        reader =
                new HistoryReader(
                        new RecentStores(),
                        new WarehouseHistory(pool),
                        Duration.ofDays(731),
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        pool.close().await();
        vertx.close().await();
    }

    @Test
    void scoresOlderThanTheStoresComeFromTheWarehouseFollowedByTheStoresOwn() {
        List<HealthScore> scores =
                reader.dailyScores(tenant, Instant.parse("2025-12-01T00:00:00Z"), NOW);

        assertThat(scores).hasSize(32);
        assertThat(scores.get(0).score()).isEqualTo(50);
        assertThat(scores.get(0).modelVersion()).isEqualTo("v-test");
        assertThat(scores.get(30).score()).isEqualTo(80);
        assertThat(scores.get(31).asOf()).isEqualTo(RECENT_DAY);
    }

    @Test
    void dailyEngagementAndTotalsOfAnOldMonthAreTheWarehouses() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-01T00:00:00Z");

        List<EngagementPoint> days =
                reader.engagement(tenant, TenantStateReader.Granularity.DAY, from, to);
        EngagementTotals month = reader.engagementTotals(tenant, from, to);

        assertThat(days).hasSize(31).allSatisfy(d -> assertThat(d.events()).isEqualTo(4));
        assertThat(days.get(0).start()).isEqualTo(from);
        assertThat(month.events()).isEqualTo(124);
        assertThat(month.activeDays()).isEqualTo(31);
        assertThat(month.activeUsers()).isEqualTo(4); // u0..u3 every day: a union, not a sum
        assertThat(month.byType()).containsEntry("login", 124L);
        // Several ranges at once: one older than the stores keeps the warehouse's answer.
        Instant lastWeek = Instant.parse("2026-01-25T00:00:00Z");
        assertThat(reader.engagementTotalsSince(tenant, List.of(lastWeek, from), to))
                .containsExactly(reader.engagementTotals(tenant, lastWeek, to), month);
    }

    @Test
    void anOldRangeIsUnavailableRatherThanShortWhileTheWarehouseIsDown() {
        pg.refuseConnections(true);

        assertThatThrownBy(
                        () ->
                                reader.dailyScores(
                                        tenant, Instant.parse("2026-01-01T00:00:00Z"), NOW))
                .isInstanceOf(StateUnavailableException.class);
        assertThat(reader.dailyScores(tenant, RECENT_DAY, NOW)).hasSize(1);
    }

    /** Stores that hold only recent days, as two years of retention leaves them in mid-2028. */
    private final class RecentStores implements TenantStateReader {
        private final HealthScore recent =
                new HealthScore(
                        tenant,
                        71,
                        Band.HEALTHY,
                        "v-test",
                        RECENT_DAY,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null);

        @Override
        public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
            assertThat(from).isAfter(Instant.parse("2026-06-01T00:00:00Z"));
            return !RECENT_DAY.isBefore(from) && RECENT_DAY.isBefore(to)
                    ? List.of(recent)
                    : List.of();
        }

        @Override
        public List<EngagementPoint> engagement(
                String tenantId, Granularity granularity, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public EngagementTotals engagementTotals(String tenantId, Instant from, Instant to) {
            return new EngagementTotals(0, 0, 0, Map.of(), Map.of());
        }

        @Override
        public Optional<HealthScore> currentScore(String tenantId) {
            return Optional.empty();
        }

        @Override
        public Map<String, HealthScore> currentScores(Collection<String> tenantIds) {
            return Map.of();
        }

        @Override
        public Map<String, List<dev.pulse.topologies.funnel.FunnelDay>> funnelDays(
                Collection<String> tenantIds, Instant from, Instant to) {
            return Map.of();
        }

        @Override
        public Map<String, JourneyState> journeys(Collection<String> tenantIds) {
            return Map.of();
        }

        @Override
        public Optional<Account> account(String tenantId) {
            return Optional.empty();
        }

        @Override
        public List<Account> accounts() {
            return List.of();
        }

        @Override
        public List<Alert> alerts(String tenantId) {
            return List.of();
        }

        @Override
        public Optional<Alert> alert(String tenantId, String ruleId) {
            return Optional.empty();
        }

        @Override
        public List<AlertTransition> alertHistory(String tenantId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<FollowUp> followUps(String tenantId) {
            return List.of();
        }
    }
}
