package dev.pulse.warehouse.source;

import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.account.Account;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The account directory from a warehouse table or view, read on a schedule and on demand ({@link
 * #refresh()}). Accounts that changed since the last refresh are published to {@code
 * pulse.accounts.v1}; every instance's global {@code accounts} table takes them, so an owner change
 * moves the account to its new owner's portfolio and alert routing with this one refresh. Refreshes
 * run one at a time on the source's own thread.
 */
public final class AccountDirectorySource implements AutoCloseable {
    public static final String PART = "directory-source";
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
    private final EventPublisher publisher;
    private final WarehouseHealth health;
    private final String select;
    private final Counter published;
    private final Counter failures;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "pulse-warehouse-directory");
                        t.setDaemon(true);
                        return t;
                    });
    private final Map<String, Account> lastPublished = new HashMap<>();

    public AccountDirectorySource(
            WarehouseSettings.DirectorySource settings,
            Pool pool,
            EventPublisher publisher,
            MeterRegistry registry,
            WarehouseHealth health) {
        this.settings = settings;
        this.pool = pool;
        this.publisher = publisher;
        this.health = health;
        this.select = select(settings);
        this.published =
                Counter.builder("pulse.warehouse.directory.published")
                        .description("Accounts published because they changed in the warehouse")
                        .register(registry);
        this.failures =
                Counter.builder("pulse.warehouse.directory.failures")
                        .description("Directory refreshes that failed")
                        .register(registry);
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

    /** Refreshes now, then every {@code refreshInterval}. */
    public AccountDirectorySource start() {
        long every = settings.refreshInterval().toMillis();
        thread.scheduleWithFixedDelay(this::refreshQuietly, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the directory now; completes with how many accounts changed and were published. */
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
        try {
            for (Row row : pool.query(select).execute().await(30, TimeUnit.SECONDS)) {
                Account account = account(row);
                if (!account.equals(lastPublished.get(account.tenantId()))) {
                    changed.add(account);
                }
            }
            if (!changed.isEmpty()) {
                publisher.publishAccounts(changed).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            failures.increment();
            health.failed(PART, e);
            throw new IllegalStateException("directory refresh failed: " + e.getMessage(), e);
        }
        changed.forEach(a -> lastPublished.put(a.tenantId(), a));
        published.increment(changed.size());
        health.succeeded(PART);
        return changed.size();
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
                null);
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
    }
}
