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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the sink carries a backlog of daily results into PostgreSQL with the default settings:
 * {@link #TENANTS} accounts × 60 days of engagement and scores, each day's bucket updated five
 * times (as a changelog carries a busy day). Prints records/s and rows/s (docs/benchmarks.md);
 * asserts only that everything arrived.
 */
@ExtendWith(SharedKafkaBroker.class)
class SinkThroughputIT {
    private static final Logger LOG = LoggerFactory.getLogger(SinkThroughputIT.class);

    /**
     * 100 in the suite, which only checks that everything arrives; the figure in docs/benchmarks.md
     * is measured with {@code -Dpulse.sink.tenants=500}.
     */
    private static final int TENANTS = Integer.getInteger("pulse.sink.tenants", 100);

    private static final int DAYS = 60;
    private static final int UPDATES = 5;

    @RegisterExtension final LocalPostgres pg = new LocalPostgres();

    @Test
    void carriesABacklogOfDailyResults() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String app = "sinkbench-" + id;
        Vertx vertx = Vertx.vertx();
        WarehouseConnection connection = new WarehouseConnection(pg.settings());
        new WarehouseMigrations(connection).migrate();
        Pool pool = connection.pool(vertx);
        try (ResultRecords results = new ResultRecords(SharedKafkaBroker.bootstrapServers(), app)) {
            for (int u = 0; u < UPDATES; u++) {
                for (int t = 0; t < TENANTS; t++) {
                    results.engagement("bench-" + id + "-" + t, DAYS, 2 + u, true);
                }
            }
        }
        long records = 2L * TENANTS * DAYS * UPDATES;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long started = System.nanoTime();
        long firstBatch;
        double firstRecords;
        try (WarehouseSink sink =
                new WarehouseSink(
                                SharedKafkaBroker.connection(),
                                WarehouseSettings.Sink.DEFAULT.withApplicationId(app),
                                pool,
                                registry,
                                new WarehouseHealth(Clock.systemUTC()),
                                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .start()) {
            // From the first batch on: joining the consumer group takes seconds of its own.
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(10))
                    .until(
                            () ->
                                    registry.get("pulse.warehouse.sink.batches").counter().count()
                                            > 0);
            firstBatch = System.nanoTime();
            firstRecords = registry.get("pulse.warehouse.sink.records").counter().count();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    registry.get("pulse.warehouse.sink.records").counter().count()
                                            >= records);
        }
        long done = System.nanoTime();
        double seconds = (done - started) / 1e9;
        double writing = (done - firstBatch) / 1e9;
        double rows = registry.get("pulse.warehouse.sink.rows").counter().count();
        LOG.info(
                "Sink: {} records ({} rows after keeping the newest per key) in {} s from start;"
                        + " from the first batch on {} records/s",
                records,
                (long) rows,
                String.format("%.1f", seconds),
                Math.round((records - firstRecords) / writing));
        assertThat(pg.queryLong("SELECT sum(events) FROM pulse.engagement_daily"))
                .isEqualTo((long) TENANTS * DAYS * (2 + UPDATES - 1));
        pool.close().await();
        vertx.close().await();
    }
}
