package dev.pulse.warehouse;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.warehouse.schema.WarehouseMigrations;
import dev.pulse.warehouse.sink.WarehouseSink;
import dev.pulse.warehouse.source.AccountDirectorySource;
import dev.pulse.warehouse.source.SourceCursors;
import dev.pulse.warehouse.source.UsageEventSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulse's warehouse, started only when {@code warehouse.url} is set. Start-up never waits for
 * PostgreSQL: the migrations run on a thread of their own, retried with backoff while the database
 * is unreachable, and the sink and the sources start once the schema is current. Until then, and
 * whenever a part fails, {@link #health()} says the warehouse is behind while Pulse goes on
 * computing and serving from its stores.
 */
public final class Warehouse implements AutoCloseable {
    public static final String MIGRATIONS = "migrations";
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final WarehouseSettings settings;
    private final WarehouseConnection connection;
    private final KafkaConnection kafka;
    private final MeterRegistry registry;
    private final WarehouseHealth health = new WarehouseHealth(Clock.systemUTC());
    private final Pool pool;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Thread starter;
    private volatile AccountDirectorySource directory;

    private Warehouse(
            WarehouseSettings settings,
            KafkaConnection kafka,
            MeterRegistry registry,
            Vertx vertx) {
        this.settings = settings;
        this.connection = new WarehouseConnection(settings);
        this.kafka = kafka;
        this.registry = registry;
        this.pool = connection.pool(vertx);
        this.starter = new Thread(this::startParts, "pulse-warehouse-start");
        this.starter.setDaemon(true);
        Gauge.builder("pulse.warehouse.up", health, h -> h.up() ? 1 : 0)
                .description("1 while every warehouse part's last attempt succeeded")
                .register(registry);
    }

    /** Returns at once; the parts start as soon as PostgreSQL answers. */
    public static Warehouse start(
            WarehouseSettings settings,
            KafkaConnection kafka,
            MeterRegistry registry,
            Vertx vertx) {
        Warehouse warehouse = new Warehouse(settings, kafka, registry, vertx);
        warehouse.health.failed(MIGRATIONS, new IllegalStateException("not yet connected"));
        warehouse.starter.start();
        return warehouse;
    }

    private void startParts() {
        Backoff backoff = backoff();
        while (stopping.getCount() > 0) {
            try {
                String version = new WarehouseMigrations(connection).migrate();
                health.succeeded(MIGRATIONS);
                LOG.info(
                        "Warehouse {} schema {} at version {}",
                        connection.describe(),
                        settings.schema(),
                        version);
                break;
            } catch (RuntimeException e) {
                health.failed(MIGRATIONS, e);
                Duration wait = backoff.failed();
                LOG.warn(
                        "Warehouse {} not reachable ({}); retrying in {}",
                        connection.describe(),
                        e.getMessage(),
                        wait);
                if (awaitStop(wait)) {
                    return;
                }
            }
        }
        synchronized (parts) {
            if (stopping.getCount() == 0) {
                return;
            }
            startSinkAndSources();
        }
        started.complete(null);
    }

    private void startSinkAndSources() {
        if (settings.sink().enabled()) {
            parts.push(
                    new WarehouseSink(kafka, settings.sink(), pool, registry, health, backoff())
                            .start());
        }
        if (settings.events().enabled()) {
            SourceCursors.ensureTopic(kafka);
            parts.push(
                    new UsageEventSource(
                                    kafka, settings.events(), pool, registry, health, backoff())
                            .start());
        }
        if (settings.directory().enabled()) {
            AccountDirectorySource source =
                    new AccountDirectorySource(kafka, settings.directory(), pool, registry, health);
            parts.push(source.start());
            directory = source;
        }
    }

    /** Each part backs off on its own: one failing does not slow the others' retries. */
    private Backoff backoff() {
        return new Backoff(settings.retryInitial(), settings.retryMax());
    }

    private boolean awaitStop(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Completes once the schema is current and the sink and sources run. */
    public CompletableFuture<Void> started() {
        return started;
    }

    public WarehouseHealth health() {
        return health;
    }

    /** For {@code /health/ready}: up or behind, per part. */
    public Map<String, Object> details() {
        return health.details();
    }

    /** The pool every warehouse read and write goes through. */
    public Pool pool() {
        return pool;
    }

    public WarehouseSettings settings() {
        return settings;
    }

    /**
     * Reads the account directory now.
     *
     * @return how many accounts were published or removed; fails when no directory source is
     *     configured or it has not started yet
     */
    public CompletableFuture<Integer> refreshDirectory() {
        AccountDirectorySource source = directory;
        if (source == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            settings.directory().enabled()
                                    ? "the warehouse is not reachable yet"
                                    : "no directory source is configured"
                                            + " (warehouse.directory.table)"));
        }
        return source.refresh();
    }

    public boolean directoryConfigured() {
        return settings.directory().enabled();
    }

    @Override
    public void close() {
        stopping.countDown();
        try {
            starter.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (parts) {
            while (!parts.isEmpty()) {
                try {
                    parts.pop().close();
                } catch (Exception e) {
                    LOG.warn("Error closing a warehouse part: {}", e.toString());
                }
            }
        }
        pool.close();
    }
}
