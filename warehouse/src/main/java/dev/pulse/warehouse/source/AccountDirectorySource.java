package dev.pulse.warehouse.source;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedJsonTable;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory from a warehouse table or view, read on a schedule and on demand ({@link
 * #refresh()}). Rows that differ from the account Pulse holds are published to {@code
 * pulse.accounts.v1}; every instance's global {@code accounts} table takes them, so an owner change
 * moves the account to its new owner's portfolio and alert routing with this one refresh. An
 * account this source published (its {@code origin} is {@link Account#FROM_WAREHOUSE}) whose row is
 * gone is removed with a tombstone; accounts loaded another way are left alone. A view that returns
 * no rows at all removes nothing: it fails the refresh, as an empty directory is far more often a
 * reload in progress than the truth. Refreshes run one at a time on the source's own thread; on
 * schedule only on the instance that holds the directory's {@link SourceLease}.
 */
public final class AccountDirectorySource implements AutoCloseable {
    public static final String PART = "directory-source";
    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectorySource.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    /** How often the lease is polled, and how long each poll waits for the group. */
    private static final Duration LEASE_EVERY = Duration.ofSeconds(1);

    private static final Duration LEASE_WAIT = Duration.ofMillis(100);

    /** The lease's consumer group: pulse-warehouse-source-account-directory. */
    static final String LEASE = "account-directory";

    static final List<String> FIELDS =
            List.of(
                    "tenantId",
                    "name",
                    "owner",
                    "team",
                    "plan",
                    "licensedSeats",
                    "arr",
                    "renewalDate",
                    "segment",
                    "status");

    private final WarehouseSettings.DirectorySource settings;
    private final Pool pool;
    private final WarehouseHealth health;
    private final String select;
    private final Counter published;
    private final Counter removed;
    private final Counter failures;

    /**
     * The directory as Pulse holds it, so a restart compares rather than publishing it all again.
     */
    private final CompactedJsonTable<Account> pulse;

    /**
     * Which instance refreshes on schedule: with every instance comparing and publishing, one whose
     * query began before a change could publish its older row over a newer one.
     */
    private final SourceLease lease;

    /** Whether this instance holds the lease; written by the source's thread only. */
    private volatile boolean holding;

    private boolean standingBy;

    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "pulse-warehouse-directory");
                        t.setDaemon(true);
                        return t;
                    });

    public AccountDirectorySource(
            KafkaConnection kafka,
            WarehouseSettings.DirectorySource settings,
            Pool pool,
            MeterRegistry registry,
            WarehouseHealth health) {
        this.settings = settings;
        this.pool = pool;
        this.health = health;
        this.select = select(settings);
        this.published =
                Counter.builder("pulse.warehouse.directory.published")
                        .description("Accounts published because they changed in the warehouse")
                        .register(registry);
        this.removed =
                Counter.builder("pulse.warehouse.directory.removed")
                        .description("Accounts removed because their row left the warehouse")
                        .register(registry);
        this.failures =
                Counter.builder("pulse.warehouse.directory.failures")
                        .description("Directory refreshes that failed")
                        .register(registry);
        this.pulse =
                new CompactedJsonTable<>(
                        kafka,
                        PulseTopics.ACCOUNTS.name(),
                        "pulse-warehouse-directory",
                        "account",
                        Account.class,
                        Account::tenantId);
        SourceCursors.ensureTopic(kafka); // the lease's group is on its topic
        this.lease = new SourceLease(kafka, LEASE, SourceLease.MAX_POLL_INTERVAL);
    }

    private static String select(WarehouseSettings.DirectorySource settings) {
        String table = SqlNames.table(settings.table(), "warehouse.directory.table");
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String column = settings.columns().getOrDefault(field, "");
            if (!column.isBlank()) {
                columns.put(field, SqlNames.column(column, "warehouse.directory.columns." + field));
            }
        }
        for (String field : settings.columns().keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "warehouse.directory.columns: unknown account field '" + field + "'");
            }
        }
        if (!columns.containsKey("tenantId")) {
            throw new IllegalArgumentException(
                    "warehouse.directory.columns must map tenantId to a column");
        }
        List<String> parts = new ArrayList<>();
        columns.forEach((field, column) -> parts.add(column + " AS \"" + field + "\""));
        return "SELECT " + String.join(", ", parts) + " FROM " + table;
    }

    /**
     * Refreshes on schedule while this instance holds the directory's lease (one instance of a
     * deployment does): at once when it takes the lease, then every {@code refreshInterval}.
     */
    public AccountDirectorySource start() {
        long every = settings.refreshInterval().toMillis();
        thread.scheduleWithFixedDelay(
                this::keepLease, 0, LEASE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::scheduledRefresh, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether this instance refreshes on schedule now. */
    public boolean refreshesOnSchedule() {
        return holding;
    }

    private void keepLease() {
        try {
            boolean held = lease.held(LEASE_WAIT);
            if (held && !holding) {
                holding = true;
                standingBy = false;
                LOG.info("Directory source: this instance refreshes {}", settings.table());
                refreshQuietly();
            } else if (!held) {
                holding = false;
                // A standby reports nothing: the instance that refreshes does.
                health.forget(PART);
                if (!standingBy && lease.joined()) {
                    standingBy = true;
                    LOG.info("Directory source stands by: another instance refreshes it");
                }
            }
        } catch (RuntimeException e) {
            if (!thread.isShutdown()) {
                LOG.warn("Directory source: the lease could not be polled", e);
            }
        }
    }

    private void scheduledRefresh() {
        if (holding) {
            refreshQuietly();
        }
    }

    /**
     * Reads the directory now, on any instance (the lease only decides who refreshes on schedule);
     * completes with how many accounts were published or removed, or exceptionally with why not.
     */
    public CompletableFuture<Integer> refresh() {
        return CompletableFuture.supplyAsync(this::refreshNow, thread);
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            // Said through health and the failure counter; the next refresh tries again.
        }
    }

    private int refreshNow() {
        List<Account> changed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        try {
            pulse.awaitLoaded(LOAD_TIMEOUT);
            Set<String> rows = new HashSet<>();
            int withoutId = 0;
            for (Row row : pool.query(select).execute().await(30, TimeUnit.SECONDS)) {
                Account account = account(row);
                if (account.tenantId() == null || account.tenantId().isBlank()) {
                    withoutId++;
                    continue;
                }
                rows.add(account.tenantId());
                if (!pulse.get(account.tenantId()).map(account::equals).orElse(false)) {
                    changed.add(account);
                }
            }
            if (withoutId > 0) {
                LOG.warn("Skipped {} rows of {} without a tenant id", withoutId, settings.table());
            }
            for (Account held : pulse.all()) {
                if (Account.FROM_WAREHOUSE.equals(held.origin())
                        && !rows.contains(held.tenantId())) {
                    gone.add(held.tenantId());
                }
            }
            if (rows.isEmpty() && !gone.isEmpty()) {
                throw new IllegalStateException(
                        settings.table()
                                + " returned no rows; the "
                                + gone.size()
                                + " accounts it listed before are kept until it lists any");
            }
            pulse.saveAll(changed, gone, Duration.ofSeconds(30));
        } catch (Exception e) {
            throw failed(e);
        }
        published.increment(changed.size());
        removed.increment(gone.size());
        if (!gone.isEmpty()) {
            LOG.info("Removed {} accounts no longer in {}", gone.size(), settings.table());
        }
        health.succeeded(PART);
        return changed.size() + gone.size();
    }

    private IllegalStateException failed(Exception e) {
        failures.increment();
        health.failed(PART, e);
        return new IllegalStateException("directory refresh failed: " + e.getMessage(), e);
    }

    private static Account account(Row row) {
        return new Account(
                text(row, "tenantId"),
                text(row, "name"),
                text(row, "owner"),
                text(row, "team"),
                text(row, "plan"),
                number(row, "licensedSeats") == null
                        ? null
                        : number(row, "licensedSeats").longValue(),
                number(row, "arr") == null ? null : number(row, "arr").doubleValue(),
                date(row, "renewalDate"),
                text(row, "segment"),
                text(row, "status"),
                null,
                null,
                null,
                Account.FROM_WAREHOUSE);
    }

    private static String text(Row row, String field) {
        return row.getColumnIndex(field) < 0 ? null : SqlValue.text(row.getValue(field));
    }

    private static Number number(Row row, String field) {
        if (row.getColumnIndex(field) < 0) {
            return null;
        }
        Object value = row.getValue(field);
        if (value instanceof Number) {
            return (Number) value;
        }
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static LocalDate date(Row row, String field) {
        if (row.getColumnIndex(field) < 0) {
            return null;
        }
        Object value = row.getValue(field);
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    /** The scheduled refresh interval, for messages. */
    public Duration refreshInterval() {
        return settings.refreshInterval();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // The lease's consumer is the thread's: closed once the thread has finished with it.
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lease.close();
        pulse.close();
    }
}
