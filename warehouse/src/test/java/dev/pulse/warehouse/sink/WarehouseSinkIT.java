package dev.pulse.warehouse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.schema.WarehouseMigrations;
import dev.pulse.warehouse.testing.LocalPostgres;
import dev.pulse.warehouse.testing.ResultRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(SharedKafkaBroker.class)
class WarehouseSinkIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "sink-" + id;
    private final WarehouseHealth health = new WarehouseHealth(Clock.systemUTC());
    private Vertx vertx;
    private Pool pool;
    private WarehouseSettings.Sink sinkSettings;
    private ResultRecords results;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        WarehouseConnection connection = new WarehouseConnection(pg.settings());
        new WarehouseMigrations(connection).migrate();
        pool = connection.pool(vertx);
        // Small batches, so a run is many transactions.
        sinkSettings = new WarehouseSettings.Sink(true, 7, 2, "sinkit-" + id);
        results = new ResultRecords(SharedKafkaBroker.bootstrapServers(), "sinkit-" + id);
    }

    @AfterEach
    void tearDown() {
        results.close();
        pool.close().await();
        vertx.close().await();
    }

    private WarehouseSink startSink() {
        return new WarehouseSink(
                        SharedKafkaBroker.connection(),
                        sinkSettings,
                        pool,
                        new SimpleMeterRegistry(),
                        health,
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)))
                .start();
    }

    @Test
    void writesCommittedResultsAndNothingFromAbortedTransactions() {
        results.engagement(tenant, 30, 4, true);
        results.engagement("aborted-" + id, 3, 4, false);
        results.alertChanges(tenant, 5, true);

        try (WarehouseSink sink = startSink()) {
            awaitRows(30, 5);
        }

        assertThat(
                        pg.queryLong(
                                "SELECT sum(events) FROM pulse.engagement_daily WHERE tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo(120);
        assertThat(
                        pg.queryLong(
                                "SELECT max(active_users) FROM pulse.engagement_daily WHERE"
                                        + " tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo(4);
        assertThat(
                        pg.queryString(
                                "SELECT contributions->0->>'measure' FROM pulse.score_daily WHERE"
                                        + " tenant_id = '"
                                        + tenant
                                        + "' AND day = '2026-01-30'"))
                .as(
                        pg.rows("SELECT day, contributions, model_version FROM pulse.score_daily")
                                .toString())
                .isEqualTo("frequency");
        assertThat(
                        pg.queryLong(
                                "SELECT count(*) FROM pulse.engagement_daily WHERE tenant_id LIKE"
                                        + " 'aborted-%'"))
                .isZero();
        assertThat(
                        pg.queryString(
                                "SELECT state FROM pulse.alerts WHERE tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo("firing");
    }

    @Test
    void aReplayFromTheStartLeavesTheSameRows() {
        results.engagement(tenant, 30, 4, true);
        results.alertChanges(tenant, 5, true);
        try (WarehouseSink sink = startSink()) {
            awaitRows(30, 5);
        }
        String before = checksum();
        long positions = pg.queryLong("SELECT sum(next_offset) FROM pulse.sink_offsets");

        // As if the sink had lost its positions: everything is read and written again.
        pg.sql("UPDATE pulse.sink_offsets SET next_offset = 0");
        try (WarehouseSink sink = startSink()) {
            await().atMost(DEADLINE)
                    .until(
                            () ->
                                    pg.queryLong("SELECT sum(next_offset) FROM pulse.sink_offsets")
                                            >= positions);
        }

        assertThat(checksum()).isEqualTo(before);
        assertThat(
                        pg.queryLong(
                                "SELECT count(*) FROM pulse.alert_transitions WHERE tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo(5);
    }

    @Test
    void aRemovedAccountLosesItsRowEvenRightAfterAnUpdate() {
        String kept = "kept-" + id;
        results.account(kept, "sarah@example.com", false);
        results.account(tenant, "sarah@example.com", false);
        try (WarehouseSink sink = startSink()) {
            await().atMost(DEADLINE).until(() -> accountRows(kept, tenant) == 2);
            // An update and the removal in one transaction: the newest record decides.
            results.account(tenant, "tom@example.com", true);
            await().atMost(DEADLINE).until(() -> accountRows(kept, tenant) == 1);
        }
        assertThat(
                        pg.queryString(
                                "SELECT owner FROM pulse.accounts WHERE tenant_id = '"
                                        + kept
                                        + "'"))
                .isEqualTo("sarah@example.com");
        assertThat(accountRows(tenant)).isZero();
    }

    private long accountRows(String... tenants) {
        return pg.queryLong(
                "SELECT count(*) FROM pulse.accounts WHERE tenant_id IN ('"
                        + String.join("', '", tenants)
                        + "')");
    }

    @Test
    void catchesUpExactlyAfterTheDatabaseRefusedConnectionsWhileResultsFlowed() {
        try (WarehouseSink sink = startSink()) {
            results.engagement(tenant, 10, 2, true);
            results.alertChanges(tenant, 3, true);
            awaitRows(10, 3);

            pg.refuseConnections(true);
            results.engagement(
                    tenant, 40, 3, true); // days 1–10 again, with new counts, and 30 more
            results.alertChanges(tenant, 4, true);
            await().atMost(DEADLINE).until(() -> !health.up());
            assertThat(health.details()).containsEntry("status", "BEHIND");

            pg.refuseConnections(false);
            awaitRows(40, 7);
            await().atMost(DEADLINE).until(health::up);
        }
        assertThat(
                        pg.queryLong(
                                "SELECT sum(events) FROM pulse.engagement_daily WHERE tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo(120);
        assertThat(
                        pg.queryLong(
                                "SELECT count(DISTINCT source_offset) FROM pulse.alert_transitions"
                                        + " WHERE tenant_id = '"
                                        + tenant
                                        + "'"))
                .isEqualTo(7);
    }

    private void awaitRows(long days, long transitions) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                pg.queryLong(
                                                        "SELECT count(*) FROM"
                                                                + " pulse.engagement_daily WHERE"
                                                                + " tenant_id = '"
                                                                + tenant
                                                                + "'")
                                                == days
                                        && pg.queryLong(
                                                        "SELECT count(*) FROM pulse.score_daily"
                                                                + " WHERE tenant_id = '"
                                                                + tenant
                                                                + "'")
                                                == days
                                        && pg.queryLong(
                                                        "SELECT count(*) FROM"
                                                                + " pulse.alert_transitions WHERE"
                                                                + " tenant_id = '"
                                                                + tenant
                                                                + "'")
                                                == transitions);
    }

    /** Every result row of the tenant, in a fixed order, hashed. */
    private String checksum() {
        return pg.queryString(
                "SELECT md5(string_agg(r, '|' ORDER BY r)) FROM ( SELECT concat_ws(',', tenant_id,"
                        + " day, events, active_users, by_type, encode(bucket, 'hex')) r FROM"
                        + " pulse.engagement_daily WHERE tenant_id = '"
                        + tenant
                        + "' UNION ALL SELECT concat_ws(',', tenant_id, day, score, band,"
                        + " contributions, snapshot) FROM pulse.score_daily WHERE tenant_id = '"
                        + tenant
                        + "' UNION ALL SELECT concat_ws(',', source_partition, source_offset,"
                        + " alert_id, state, changed_at) FROM pulse.alert_transitions WHERE"
                        + " tenant_id = '"
                        + tenant
                        + "' UNION ALL SELECT concat_ws(',', alert_id, state, explanation) FROM"
                        + " pulse.alerts WHERE tenant_id = '"
                        + tenant
                        + "') x");
    }
}
